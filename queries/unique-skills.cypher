// name: unique-skills
// description: Skills only one role requires (optionally within one job family): what makes each role distinct.
// option: family = null  -- limit to the roles of this job family (name or id); null for all roles
MATCH (s:Skill)<-[:REQUIRES_SKILL]-(r:Role)
OPTIONAL MATCH (r)-[:IN_FAMILY]->(f:JobFamily)
WITH s, r, f
WHERE $family IS NULL OR f.name = $family OR f.id = $family
WITH s, collect(DISTINCT r) AS holders
WHERE size(holders) = 1
WITH s, holders[0] AS r
RETURN r.id AS role_id, r.title AS role, s.name AS skill, s.category AS category
ORDER BY role, skill
