// name: skills-new-at-level
// description: Skills that roles at a level require but no lower-level role of the same function or family does.
// param: group = "Engineering Management - Infrastructure"  -- a function (Role.function) or a job family name
// param: level_rank = 100  -- the level rank of the roles (Role.level_rank: higher is more senior)
MATCH (r:Role)-[:REQUIRES_SKILL]->(s:Skill)
WHERE (r.function = $group OR r.family = $group) AND r.level_rank = $level_rank
WITH s, r
ORDER BY r.title
WITH s, collect(DISTINCT r.title) AS roles
OPTIONAL MATCH (lower:Role)-[:REQUIRES_SKILL]->(s)
WHERE (lower.function = $group OR lower.family = $group) AND lower.level_rank < $level_rank
WITH s, roles, count(lower) AS below
WHERE below = 0
RETURN s.id AS id, s.name AS skill, s.category AS category, roles
ORDER BY skill
