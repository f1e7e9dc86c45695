"""Tracks and forks stated in sentences: which levels are individual-contributor or management levels,
and where a ladder splits.

A general grammar over the document's sentences, not a list of phrasings per company:

* **Track mentions**: the IC words (*individual contributor*, *IC*, *technical*, *specialist*) or
  the management words (*manager*, *management*, *people/person management*, *leadership*) before
  *track*, *ladder*, *path* or a level range; a *not*/*no*/*non-* just before negates one.
* **Ranges**: a mention followed by a range of level codes, "an individual contributor (IC2–IC8) and
  manager track (M2–M6)", puts the levels in each range on that track.
* **The whole ladder**: a sentence before the first level that speaks of the levels or the ladder
  and names one track ("The levels below follow a growth track ... and not in a person management
  track") puts every level without a track on it (here: not management, so ``ic``).
* **Forks**: a fork point — "after X", "from X on", "beyond X", "at X the ladder splits", "who have
  achieved X", "once you reach X" — and a track the fork point is not on ("the manager track is
  available to engineers who have achieved IC5") make X promote to the first level of that track
  after it; "splits into A and B" to the levels named.

Every fact keeps the sentence as evidence with ``method: extracted``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import Evidence, ParsedRole, RoleRef
from loaders.document import DocumentOutline
from loaders.layouts.ladder import track_of

__all__ = ["TrackMention", "read_tracks", "track_mentions"]

_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_IC_WORDS = r"individual[\s-]+contributors?|ICs?|technical|specialists?"
_M_WORDS = r"(?:people|person)\s+(?:management|managers?|leadership)|managers?|management|managerial|leadership"
_NOUN = r"(?:tracks?|ladders?|paths?|career\s+paths?|routes?)"
_CODES = r"[A-Z]{1,3}\s*-?\s*\d{1,2}\s*(?:[-–—]|to|through)\s*(?:[A-Z]{1,3}\s*-?\s*)?\d{1,2}"
_MENTION = re.compile(
    rf"\b(?:(?P<ic>{_IC_WORDS})|(?P<m>{_M_WORDS}))\b(?:\s+\(?\s*(?P<range>{_CODES})\s*\)?)?"
    rf"(?:\s+(?P<noun>{_NOUN})\b(?:\s+\(?\s*(?P<after>{_CODES})\s*\)?)?)?",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|rather\s+than|instead\s+of)\b(?:\s+\w+){0,3}\s*$|\bnon-?\s*$", re.I)
_SUBJECT = re.compile(r"\b(?:levels|ladder|framework|these|this\s+(?:ladder|framework|track))\b", re.I)
_FORK_POINT = re.compile(
    r"\b(?:after(?:\s+(?:reaching|achieving|becoming))?|from|beyond|above|starting\s+(?:at|from)"
    r"|once\s+(?:you|they|engineers?|people)\s+(?:have\s+)?(?:reach|reached|achieve|achieved|become|became)"
    r"|(?:who|that)\s+(?:have|has)\s+(?:achieved|reached|attained|become)|at)\s+(?:an?\s+|the\s+)?[\"'“‘]?",
    re.I,
)
_FROM_ON = re.compile(r"\s*(?:level\s+)?(?:on|onwards?|upwards?|up)\b", re.I)
_SPLITS = re.compile(r"\b(?:splits?|forks?|branch(?:es)?|divides?)\b(?:\s+(?:into|in\s+two|between))?", re.I)
_KINDS = {"ic": "ic", "m": "management"}


@dataclass(frozen=True)
class TrackMention:
    """A track a sentence names: ``ic`` or ``management``, negated or not, with the level range it gives."""

    track: str
    negated: bool
    range: tuple[str, int, int] | None  # level-code prefix, first and last number
    start: int
    end: int


def track_mentions(sentence: str) -> list[TrackMention]:
    """The tracks ``sentence`` names, in order.

    Examples
    --------
    >>> [(m.track, m.negated, m.range) for m in track_mentions(
    ...     "two tracks—an individual contributor (IC2–IC8) and manager track (M2–M6)")]
    [('ic', False, ('IC', 2, 8)), ('management', False, ('M', 2, 6))]
    >>> [(m.track, m.negated) for m in track_mentions("a growth track and not in a person management track")]
    [('management', True)]
    >>> track_mentions("Product Management and engineering work together")
    []
    """
    found = []
    for match in _MENTION.finditer(sentence):
        codes = match["range"] or match["after"]
        if not match["noun"] and not codes:
            continue  # "Product Management", "technical debt": a word, not a track
        kind = "ic" if match["ic"] else "m"
        negated = bool(_NEGATION.search(sentence[: match.start()]))
        found.append(TrackMention(_KINDS[kind], negated, _range(codes), match.start(), match.end()))
    return found


def _range(text: str | None) -> tuple[str, int, int] | None:
    if not text:
        return None
    parts = re.match(r"([A-Z]{1,3})\s*-?\s*(\d{1,2})\D+?(\d{1,2})$", text, re.I)
    return (parts[1].upper(), int(parts[2]), int(parts[3])) if parts else None


def read_tracks(outline: DocumentOutline, roles: list[ParsedRole]) -> None:
    """Tracks and forks the document's sentences state, added to ``roles`` (document order).

    A role keeps a track it has already (from a column header or a fork's branches).

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> text = "# Ladder\\n\\nThe management track opens after L3.\\n\\n## L2\\n\\n## L3\\n\\n## L4\\n\\n## M1\\n"
    >>> roles = [ParsedRole(title=t, source="l.md", line=n, level=t) for n, t in [(5, "L2"), (7, "L3"), (9, "L4")]]
    >>> roles.append(ParsedRole(title="M1", source="l.md", line=11, level="M1", track="management"))
    >>> read_tracks(read_markdown(text, "l.md"), roles)
    >>> [(p.title, p.at.method, p.at.evidence) for p in roles[1].promotes_to]
    [('M1', 'extracted', 'The management track opens after L3.')]
    """
    if not roles:
        return
    first_line = min(role.line for role in roles)
    for block in outline.blocks:
        if block.kind not in ("paragraph", "item"):
            continue
        for sentence in _SENTENCE.split(" ".join(block.text.split())):
            mentions = track_mentions(sentence)
            if not mentions and not _SPLITS.search(sentence):
                continue
            at = Evidence.at(outline.source, block.at, sentence, method="extracted")
            if _fork(sentence, mentions, roles, at):
                continue
            if any(m.range for m in mentions):
                _ranges(mentions, roles, at)
            elif block.at.line < first_line and _SUBJECT.search(sentence):
                _whole_ladder(mentions, roles, at)


def _set_track(role: ParsedRole, track: str, at: Evidence) -> None:
    if role.track is None:
        role.track = track
        role.track_at = at


def _ranges(mentions: list[TrackMention], roles: list[ParsedRole], at: Evidence) -> None:
    for mention in mentions:
        if mention.range is None or mention.negated:
            continue
        prefix, low, high = mention.range
        for role in roles:
            code = re.fullmatch(rf"{prefix}\s*-?\s*(\d{{1,2}})", role.level or "", re.I)
            if code and low <= int(code[1]) <= high:
                _set_track(role, mention.track, at)


def _whole_ladder(mentions: list[TrackMention], roles: list[ParsedRole], at: Evidence) -> None:
    other = {"ic": "management", "management": "ic"}
    tracks = {other[m.track] if m.negated else m.track for m in mentions}
    if len(tracks) == 1:
        track = tracks.pop()
        for role in roles:
            _set_track(role, track, at)


def _names(role: ParsedRole) -> list[str]:
    return [n for n in dict.fromkeys([role.title, *role.level_aliases, role.level or ""]) if n]


def _role_at(text: str, roles: list[ParsedRole]) -> ParsedRole | None:
    """The role whose title, level or level alias ``text`` starts with (the longest such name)."""
    best: tuple[int, ParsedRole] | None = None
    lowered = text.lower()
    for role in roles:
        for name in _names(role):
            if re.match(rf"{re.escape(name.lower())}(?!\w)", lowered) and (best is None or len(name) > best[0]):
                best = (len(name), role)
    return best[1] if best else None


def _fork(sentence: str, mentions: list[TrackMention], roles: list[ParsedRole], at: Evidence) -> bool:
    """A fork point and the tracks (or levels) the ladder splits into from there; True when one was read."""
    for point in _FORK_POINT.finditer(sentence):
        rest = sentence[point.end() :]
        origin = _role_at(rest, roles)
        if origin is None:
            continue
        word = point.group(0).split()[0].lower()
        if word == "from" and not _FROM_ON.match(_after_name(rest, origin)):
            continue  # "from X" alone is a source, not a fork point: "from X on" is one
        if word == "at" and not _SPLITS.search(sentence, point.end()):
            continue  # "at X" is a fork point only where the sentence says the ladder splits
        targets = _split_targets(sentence, point.end(), origin, roles)
        if not targets:
            targets = _track_entries(mentions, origin, roles)
        for target in targets:
            if target is not origin and all(ref.title != target.title for ref in origin.promotes_to):
                origin.promotes_to.append(RoleRef(title=target.title, at=at))
        for target in sorted(targets, key=roles.index)[1:]:
            before = roles[roles.index(target) - 1]
            if before is not origin:
                # a branch of the fork: the level listed just before it no longer steps into it by order
                before.promotes_to = [
                    ref for ref in before.promotes_to if ref.title != target.title or ref.at.method != "stated"
                    or not ref.at.evidence.startswith("Level order in ")
                ]
        return bool(targets)
    return False


def _after_name(rest: str, role: ParsedRole) -> str:
    lowered = rest.lower()
    lengths = [len(n) for n in _names(role) if lowered.startswith(n.lower())]
    return rest[max(lengths) :] if lengths else rest


def _split_targets(sentence: str, start: int, origin: ParsedRole, roles: list[ParsedRole]) -> list[ParsedRole]:
    """Levels named after "splits into" (later than the fork point in the sentence)."""
    split = _SPLITS.search(sentence, start)
    if split is None:
        return []
    rest = sentence[split.end() :]
    found: list[ParsedRole] = []
    for piece in re.split(r"\s*(?:,|\band\b|\bor\b|/)\s*", rest):
        role = _role_at(re.sub(r"^(?:an?|the|into)\s+", "", piece.strip(), flags=re.I), roles)
        if role is not None and role is not origin and role not in found:
            found.append(role)
    return found


def _track_entries(mentions: list[TrackMention], origin: ParsedRole, roles: list[ParsedRole]) -> list[ParsedRole]:
    """For each positive track of the sentence that ``origin`` is not on: its first level after ``origin``."""
    entries = []
    tracks = {id(r): r.track or track_of(r.title) for r in roles}  # a title's own words when no track is stated
    after = roles[roles.index(origin) + 1 :]
    for track in dict.fromkeys(m.track for m in mentions if not m.negated):
        if track == tracks[id(origin)]:
            continue
        later = [r for r in after if tracks[id(r)] == track]
        on_track = [r for r in roles if tracks[id(r)] == track and r is not origin]
        if later:
            entries.append(later[0])
        elif tracks[id(origin)] is not None and on_track:  # a track listed before the level it branches from
            entries.append(on_track[0])
    return entries
