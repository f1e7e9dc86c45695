// name: promotion-path
// description: The shortest chain of promotions from one role to another (empty when there is none).
// param: from_role = "Manager, Infrastructure"  -- the starting role, by id, title or alias
// param: to_role = "VP of Infrastructure"  -- the target role, by id, title or alias
MATCH (a:Role)
WHERE a.id = $from_role OR a.title = $from_role OR $from_role IN a.aliases
MATCH (b:Role)
WHERE b.id = $to_role OR b.title = $to_role OR $to_role IN b.aliases
WITH a, b
WHERE a <> b
WITH a, b, shortestPath((a)-[:PROMOTES_TO*]->(b)) AS p
WHERE p IS NOT NULL
RETURN [n IN nodes(p) | n.title] AS steps, [n IN nodes(p) | n.id] AS ids, length(p) AS promotions
ORDER BY promotions
