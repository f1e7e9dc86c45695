// name: shared-skills
// description: Roles that share at least a number of required skills with a role, most shared first.
// param: role = "SRE Manager"  -- the role, by id, title or alias
// option: min_shared = 2  -- the least number of skills in common
MATCH (r:Role)
WHERE r.id = $role OR r.title = $role OR $role IN r.aliases
MATCH (r)-[:REQUIRES_SKILL]->(s:Skill)<-[:REQUIRES_SKILL]-(other:Role)
WHERE other <> r
WITH other, s
ORDER BY s.name
WITH other, collect(DISTINCT s.name) AS shared
WHERE size(shared) >= $min_shared
RETURN other.id AS id, other.title AS title, size(shared) AS shared_count, shared
ORDER BY shared_count DESC, title
