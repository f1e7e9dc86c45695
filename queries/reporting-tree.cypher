// name: reporting-tree
// description: Everyone who reports to a role, directly or indirectly (up to 10 levels), with their depth and direct managers.
// param: role = "Director, Infrastructure (Reliability)"  -- the top role, by id, title or alias
MATCH (top:Role)
WHERE top.id = $role OR top.title = $role OR $role IN top.aliases
MATCH p = (r:Role)-[:REPORTS_TO*1..10]->(top)
WHERE r <> top
WITH top, r, min(length(p)) AS depth
MATCH (r)-[:REPORTS_TO]->(manager:Role)
WITH top, r, depth, manager
ORDER BY manager.title
WITH top, r, depth, collect(manager.title) AS reports_to
RETURN r.id AS id, r.title AS title, depth, reports_to
ORDER BY depth, title
