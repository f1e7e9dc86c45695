// name: roles-without-kpi
// description: Roles no KPI measures yet (optionally within one job family): gaps in the performance model.
// option: family = null  -- limit to this job family (name or id); null for all roles
MATCH (r:Role)
OPTIONAL MATCH (r)-[:IN_FAMILY]->(f:JobFamily)
WITH r, f
WHERE $family IS NULL OR f.name = $family OR f.id = $family
OPTIONAL MATCH (r)-[:MEASURED_BY]->(k:KPI)
WITH r, count(k) AS kpis
WHERE kpis = 0
RETURN r.id AS id, r.title AS title, r.family AS family
ORDER BY title
