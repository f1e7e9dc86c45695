// name: kpis-by-group
// description: The KPIs that measure the roles of a function (Role.function) or a job family, with the roles they measure.
// param: group = "SRE"  -- a function (SRE, Infrastructure, Reliability ...) or a job family name
MATCH (r:Role)-[:MEASURED_BY]->(k:KPI)
WHERE r.function = $group OR r.family = $group
WITH k, r
ORDER BY r.title
WITH k, collect(r.title) AS roles
RETURN k.id AS id, k.name AS kpi, size(roles) AS role_count, roles
ORDER BY role_count DESC, kpi
