// name: roles-needing-skill
// description: The roles that require a skill, most important first, with how the requirement is known.
// param: skill = "incident management"  -- the skill, by id, name or alias
MATCH (s:Skill)
WHERE s.id = $skill OR s.name = $skill OR $skill IN s.aliases
MATCH (r:Role)-[e:REQUIRES_SKILL]->(s)
RETURN r.id AS id, r.title AS title, r.family AS family, e.weight AS weight, e.method AS method
ORDER BY coalesce(weight, 0) DESC, title
