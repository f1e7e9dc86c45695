// name: families-sharing-skills
// description: Pairs of job families whose roles require the most skills in common (each skill required by a role of each family).
// option: limit = 10  -- how many pairs to list
MATCH (f1:JobFamily)<-[:IN_FAMILY]-(r1:Role)-[:REQUIRES_SKILL]->(s:Skill)<-[:REQUIRES_SKILL]-(r2:Role)-[:IN_FAMILY]->(f2:JobFamily)
WHERE f1.name < f2.name AND r1 <> r2
WITH f1, f2, s
ORDER BY s.name
WITH f1, f2, collect(DISTINCT s.name) AS shared
RETURN f1.name AS family_a, f2.name AS family_b, size(shared) AS shared_count, shared
ORDER BY shared_count DESC, family_a, family_b
LIMIT $limit
