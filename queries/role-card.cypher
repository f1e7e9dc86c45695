// name: role-card
// description: A role's required skills with their weight and the evidence behind each (source, line, sentence, method).
// param: role = "Manager, Infrastructure"  -- the role, by id, title or alias
MATCH (r:Role)
WHERE r.id = $role OR r.title = $role OR $role IN r.aliases
MATCH (r)-[e:REQUIRES_SKILL]->(s:Skill)
RETURN r.title AS role, s.name AS skill, s.category AS category, e.weight AS weight, e.method AS method,
       e.confidence AS confidence, e.source AS source, e.line AS line, e.evidence AS evidence
ORDER BY role, coalesce(weight, 0) DESC, skill
