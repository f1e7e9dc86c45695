// name: most-required-skills
// description: The skills the most roles require, with how many roles and which.
// option: limit = 10  -- how many skills to list
MATCH (s:Skill)<-[:REQUIRES_SKILL]-(r:Role)
WITH s, r
ORDER BY r.title
WITH s, collect(r.title) AS roles
RETURN s.id AS id, s.name AS skill, s.category AS category, size(roles) AS role_count, roles
ORDER BY role_count DESC, skill
LIMIT $limit
