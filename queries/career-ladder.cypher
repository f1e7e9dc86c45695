// name: career-ladder
// description: The roles of a job family from the lowest level up (level rank, then grade), with the roles each one is promoted to.
// param: family = "Engineering Management - Infrastructure"  -- the job family, by name or id
MATCH (f:JobFamily)
WHERE f.name = $family OR f.id = $family
MATCH (r:Role)-[:IN_FAMILY]->(f)
OPTIONAL MATCH (r)-[:PROMOTES_TO]->(next:Role)
WITH r, next
ORDER BY next.title
WITH r, collect(next.title) AS promotes_to
RETURN r.id AS id, r.title AS title, r.level AS level, r.level_rank AS level_rank, r.grade AS grade, promotes_to
ORDER BY coalesce(level_rank, 1000), coalesce(grade, 1000), title
