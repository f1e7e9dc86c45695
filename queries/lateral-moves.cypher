// name: lateral-moves
// description: Where a role can move sideways (CAN_MOVE_TO a role or a whole job family), with the skills it already shares with each role.
// param: role = "SRE Manager"  -- the role, by id, title or alias
MATCH (r:Role)
WHERE r.id = $role OR r.title = $role OR $role IN r.aliases
MATCH (r)-[:CAN_MOVE_TO]->(target)
OPTIONAL MATCH (r)-[:REQUIRES_SKILL]->(s:Skill)<-[:REQUIRES_SKILL]-(target)
WITH target, s
ORDER BY s.name
WITH target, collect(s.name) AS shared_skills
RETURN target.id AS id, coalesce(target.title, target.name) AS target, labels(target)[0] AS kind, shared_skills
ORDER BY kind DESC, target
