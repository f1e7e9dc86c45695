// name: provenance-audit
// description: Per role, how many of its facts (outgoing relationships) are stated, extracted or inferred.
// option: role = null  -- one role (id, title or alias); null for every role
MATCH (r:Role)-[e]->()
WHERE $role IS NULL OR r.id = $role OR r.title = $role OR $role IN r.aliases
WITH r,
     count(CASE WHEN e.method = 'stated' THEN 1 END) AS stated,
     count(CASE WHEN e.method = 'extracted' THEN 1 END) AS extracted,
     count(CASE WHEN e.method = 'inferred' THEN 1 END) AS inferred,
     count(e) AS total
RETURN r.id AS id, r.title AS title, stated, extracted, inferred, total
ORDER BY inferred DESC, title
