"""The chrome lexicon: rules kept as data in `newsclean/rules/<lang>.yaml`, loaded and compiled once."""

from __future__ import annotations

import functools
import re
import re._constants as sre  # the parse tree's opcodes, to read required literals off each rule (see _Prefilter)
import re._parser as sre_parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import yaml

from newsclean.textnorm import count_words, find_original, fold, fold_pattern

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
_PLACES = ("anywhere", "edge")


@dataclass(slots=True, frozen=True)
class Rule:
    """One pattern for a family of chrome (or meta) phrasings.

    `where`: "anywhere" rules are strong enough to remove a line inside the body block; "edge" rules
    only fire on lines outside it (head and tail), where chrome clusters.
    `max_words`: a longer line is not this UI string, whatever words it shares with it.
    `claims`: a header of a list (related, read also) also claims that many headline-shaped lines after it.
    `ends_body`: the line marks the end of the article (comment section, tag list, wire credits): what
    follows it is chrome even when long (reader comments, disclaimers), if the body before it is larger.
    """

    id: str
    label: str  # "chrome" | "meta"
    category: str
    pattern: re.Pattern[str]
    where: str
    max_words: int
    claims: int
    ends_body: bool
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]

    def matches(self, folded: str, n_words: int) -> re.Match[str] | None:
        """The match on a folded line, if the line is short enough for this rule (and, for chrome, not quoted
        by a sentence: see `quoted_in_prose`)."""
        if n_words > self.max_words:
            return None
        found = self.pattern.search(folded)
        if found and self.label == "chrome" and quoted_in_prose(folded, found.start()):
            return None
        return found


@dataclass(slots=True, frozen=True)
class Hit:
    """A rule that matched a line, with its named groups (site, author, city) as the line spells them."""

    rule: Rule
    groups: dict[str, str]


class RuleError(ValueError):
    """A rule file is malformed or a rule fails its own examples."""


def _compile(rule_id: str, pattern: str) -> re.Pattern[str]:
    try:
        # Patterns are folded like the lines they match, so authors may write any spelling variant.
        return re.compile(fold_pattern(pattern), re.IGNORECASE)
    except re.error as error:
        raise RuleError(f"{rule_id}: bad pattern: {error}") from error


def load_rules(directory: Path = RULES_DIR) -> tuple[Rule, ...]:
    """Read every `<lang>.yaml` rule file; check ids are unique and well-formed."""
    rules: list[Rule] = []
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        language = data["language"]
        for label in ("chrome", "meta"):
            for category, entries in (data.get(label) or {}).items():
                for entry in entries:
                    rule_id = entry["id"]
                    if not rule_id.startswith(f"{language}."):
                        raise RuleError(f"{path.name}: rule id {rule_id!r} must start with {language!r}.")
                    where = entry.get("where", "anywhere")
                    if where not in _PLACES:
                        raise RuleError(f"{rule_id}: where must be one of {_PLACES}")
                    rules.append(Rule(
                        id=rule_id, label=label, category=category,
                        pattern=_compile(rule_id, entry["pattern"]), where=where,
                        max_words=int(entry.get("max_words", 12)), claims=int(entry.get("claims", 0)),
                        ends_body=bool(entry.get("ends_body", False)),
                        must_match=tuple(entry.get("must_match", ())),
                        must_not_match=tuple(entry.get("must_not_match", ())),
                    ))
    ids = [rule.id for rule in rules]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise RuleError(f"duplicate rule ids: {duplicated}")
    return tuple(rules)


@functools.cache
def default_rules() -> tuple[Rule, ...]:
    """The packaged rules, compiled once per process."""
    return load_rules()


def match_line(text: str, rules: tuple[Rule, ...] | None = None) -> list[Hit]:
    """Every rule that matches one line, in rule order (a rule file lists anywhere before edge rules)."""
    return match_folded(text, fold(text), count_words(text), rules)


def match_folded(text: str, folded: str, n_words: int, rules: tuple[Rule, ...] | None = None) -> list[Hit]:
    """`match_line` for a line already folded and counted (the labeller has both for every line).

    Only the rules the prefilter leaves are run (see `_Prefilter`): it never drops a rule that matches, so the
    hits are those of running every rule, at a fraction of the cost (most lines are prose that no rule matches).
    """
    hits = []
    for rule in candidate_rules(folded, n_words, rules):
        found = rule.matches(folded, n_words)
        if found:
            # "site2" and the like: alternatives of one pattern capture the same field under numbered names
            groups = {k.rstrip("0123456789"): find_original(text, v.strip())
                      for k, v in found.groupdict().items() if v and v.strip()}
            hits.append(Hit(rule, groups))
    return hits


def quoted_in_prose(folded: str, position: int) -> bool:
    """Whether `position` of a folded line falls inside a quotation that a sentence around it reports: "the
    words \"all rights reserved\" printed on the cover...", a minister saying the press "needs your support".
    Why: site chrome is not quoted; a notice or an appeal inside quotation marks is a story's subject. A line
    that is one quotation from end to end (a caption in quotation marks) is not reported by anything.
    `fold` turns every double quotation mark («», “”, „) into '"', so quotes alternate open and close."""
    before = folded.count('"', 0, position)
    if before % 2 == 0:
        return False
    opening = folded.rfind('"', 0, position)
    closing = folded.find('"', position)
    outside = folded[:opening] + " " + (folded[closing + 1:] if closing >= 0 else "")
    return len(outside.split()) >= _WORDS_AROUND_A_QUOTE


_WORDS_AROUND_A_QUOTE = 2  # "قائلا:" alone is one word; a reported quote has a verb and a subject around it


def candidate_rules(folded: str, n_words: int, rules: tuple[Rule, ...] | None = None) -> Iterator[Rule]:
    """The rules that may match a folded line, in rule order: every rule that matches it is among them."""
    rules = rules if rules is not None else default_rules()
    return (rules[i] for i in _prefilter(rules).candidates(folded, n_words))


# --- The prefilter -----------------------------------------------------------------------------------------
# Why: running 134 regexes on every line cost ~100 µs a line, the largest share of cleaning a text dump; and
# most regexes scan the whole line (alternations of phrases have no literal prefix for the engine to skip to).
# Each rule is read once, from its parse tree, for what any match of it must contain:
# - a rule anchored at the line start whose match begins (after leading non-word characters, if the pattern
#   skips them with `\W*`) with one of a few known strings is looked up by the line's first three characters;
# - any other rule, by strings one of which every match contains: a line holding none of them is not tried.
# Lines are compared character by character in that check, while the rules match case-insensitively; the two
# agree on lines made only of characters that are their own lower case and that no other character is
# equivalent to (`_UNSAFE` says which are not); other lines (rare: emoji, Cyrillic, CJK) try every rule.

_MAX_STRINGS = 64  # larger sets of alternative strings are not expanded
_MAX_PREFIX = 3  # characters of a line's start used for the lookup


def _safe_characters() -> str:
    """Characters of Latin, Arabic and common punctuation blocks that are their own lower case and whose
    upper case maps back to them alone: for these, case-insensitive equality is plain equality."""
    blocks = ((0x0000, 0x024F), (0x0600, 0x06FF), (0x0750, 0x077F), (0x2000, 0x206F), (0x20A0, 0x20CF))
    safe = []
    for start, end in blocks:
        for code in range(start, end + 1):
            char = chr(code)
            upper = char.upper()
            if char.lower() == char and len(upper) == 1 and upper.lower() == char:
                safe.append(char)
    return "".join(safe)


def _char_class(chars: str, negate: bool = False) -> str:
    codes, parts, i = sorted(map(ord, chars)), [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(re.escape(chr(codes[i])) + (f"-{re.escape(chr(codes[j]))}" if j > i else ""))
        i = j + 1
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


_SAFE = frozenset(_safe_characters())
_UNSAFE = re.compile(_char_class("".join(_SAFE), negate=True))
_LEADING_NON_WORD = re.compile(r"\W*")
_WORD_START = re.compile(r"\w")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_Node = tuple[object, object]  # (opcode, argument) of re's parse tree


def _product(left: set[str], right: set[str]) -> set[str] | None:
    joined = {a + b for a in left for b in right}
    return joined if len(joined) <= _MAX_STRINGS else None


def _exact(node: _Node) -> set[str] | None:
    """The strings a node can consume, when they are few and known; zero-width nodes consume ""."""
    op, arg = node
    if op is sre.LITERAL:
        return {chr(arg)}  # type: ignore[arg-type]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.IN:
        chars: set[str] = set()
        for item_op, item in arg:  # type: ignore[attr-defined]
            if item_op is sre.LITERAL:
                chars.add(chr(item))
            elif item_op is sre.RANGE and item[1] - item[0] < 4:
                chars.update(chr(c) for c in range(item[0], item[1] + 1))
            else:
                return None  # a category, a negation or a wide range
        return chars if len(chars) <= 4 else None
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, items = arg  # type: ignore[misc]
        return _exact_sequence(items) if not add_flags and not del_flags else None
    if op is sre.ATOMIC_GROUP:
        return _exact_sequence(arg)  # type: ignore[arg-type]
    if op is sre.BRANCH:
        strings: set[str] = set()
        for alternative in arg[1]:  # type: ignore[index]
            found = _exact_sequence(alternative)
            if found is None:
                return None
            strings |= found
        return strings if len(strings) <= _MAX_STRINGS else None
    if op in _REPEATS:
        low, high, items = arg  # type: ignore[misc]
        once = _exact_sequence(items) if high - low <= 1 and high <= 2 else None
        if once is None:
            return None
        strings = {""}
        for _ in range(low):
            strings = _product(strings, once) or set()
        if not strings:
            return None
        if high > low:
            more = _product(strings, once)
            return strings | more if more is not None else None
        return strings
    return None


def _exact_sequence(items: list[_Node]) -> set[str] | None:
    strings: set[str] | None = {""}
    for node in items:
        found = _exact(node)
        if found is None or strings is None:
            return None
        strings = _product(strings, found)
    return strings


def _better(candidate: set[str] | None, best: set[str] | None) -> bool:
    """Prefer strings of at least four characters, then fewer strings, then longer ones."""
    if not candidate or "" in candidate:
        return False
    if best is None:
        return True

    def score(strings: set[str]) -> tuple[int, int, int]:
        shortest = min(map(len, strings))
        return min(shortest, 4), -len(strings), shortest

    return score(candidate) > score(best)


def _required(items: list[_Node]) -> set[str] | None:
    """Strings one of which every match of the sequence contains; None when no such set is known."""
    best: set[str] | None = None
    run: set[str] = {""}  # the strings the current stretch of exact nodes consumes, joined
    for node in items:
        found = _exact(node)
        if found is not None:
            joined = _product(run, found)
            if joined is not None:
                run = joined
                continue
            if _better(run, best):
                best = run
            run = found
            continue
        if _better(run, best):
            best = run
        run = {""}
        op, arg = node
        inner: set[str] | None = None
        if op is sre.SUBPATTERN and not arg[1] and not arg[2]:  # type: ignore[index]
            inner = _required(arg[3])  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            inner = _required(arg)  # type: ignore[arg-type]
        elif op is sre.BRANCH:
            alternatives = [_required(a) for a in arg[1]]  # type: ignore[index]
            if all(alternatives):
                inner = set().union(*alternatives)  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:  # type: ignore[index]
            inner = _required(arg[2])  # type: ignore[index]
        if _better(inner, best):
            best = inner
    if _better(run, best):
        best = run
    return best


def _weaken(strings: set[str]) -> set[str]:
    """Fewer strings to look for, each still required: a phrase by its longest word (of 3+ characters), and
    no string that contains another string of the set."""
    words = set()
    for string in strings:
        long_words = [w for w in string.split() if len(w) >= 3]
        words.add(max(long_words, key=len) if long_words else string)
    return {w for w in words if not any(o != w and o in w for o in words)}


def _is_skip_non_words(node: _Node) -> bool:
    """The node is `\\W*`."""
    op, arg = node
    return (op is sre.MAX_REPEAT and arg[0] == 0 and arg[1] == sre.MAXREPEAT  # type: ignore[index]
            and list(arg[2]) == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_NOT_WORD)])])  # type: ignore[index]


def _starts(items: list[_Node]) -> tuple[bool, set[str]] | None:
    """For a pattern anchored at the line start: (skips leading non-word characters, the strings its match
    begins with after them); None when the pattern is not of that shape."""
    if not items or items[0] != (sre.AT, sre.AT_BEGINNING):
        return None
    rest = list(items[1:])
    skip = bool(rest) and _is_skip_non_words(rest[0])
    if skip:
        rest = rest[1:]
    prefixes: set[str] = {""}
    for node in rest:
        found = _exact(node)
        joined = _product(prefixes, found) if found is not None else None
        if joined is None:
            break
        prefixes = joined
        if min(map(len, prefixes)) >= _MAX_PREFIX:
            break
    if "" in prefixes or (skip and not all(_WORD_START.match(p) for p in prefixes)):
        return None  # "\W*" then a non-word character: the skipped stretch is not the line's leading one
    return skip, prefixes


def _parsed(rule: Rule) -> list[_Node]:
    return list(sre_parse.parse(rule.pattern.pattern, rule.pattern.flags))


def _anchored_starts(rule: Rule) -> tuple[bool, set[str]] | None:
    items = _parsed(rule)
    if len(items) == 1 and items[0][0] is sre.BRANCH:  # "^a|^b": every alternative anchored
        shapes = [_starts(list(alternative)) for alternative in items[0][1][1]]  # type: ignore[index]
        if any(shape is None for shape in shapes) or len({shape[0] for shape in shapes if shape}) != 1:
            return None
        return shapes[0][0], set().union(*(shape[1] for shape in shapes if shape))  # type: ignore[index]
    return _starts(items)


def _lower_safe(strings: set[str] | None) -> set[str] | None:
    if strings is None:
        return None
    lowered = {s.lower() for s in strings}
    return lowered if all(set(s) <= _SAFE for s in lowered) else None


@dataclass(slots=True, frozen=True)
class _Level:
    """What the prefilter consults for lines of one length in words (only rules that allow that length)."""

    applicable: tuple[int, ...]  # every rule short lines of this length may meet, in rule order
    always: frozenset[int]  # rules nothing can be required of
    starts: dict[str, tuple[int, ...]]  # first characters of the line -> anchored rules
    starts_after_non_words: dict[str, tuple[int, ...]]  # the same, after leading non-word characters
    required: dict[str, tuple[int, ...]]  # a string some rules' matches contain -> those rules


class _Prefilter:
    """For a tuple of rules: which of them can match a given folded line (see the comment above)."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.max_words = max((r.max_words for r in rules), default=-1)
        starts: dict[int, tuple[bool, set[str]]] = {}
        required: dict[int, set[str]] = {}
        always: list[int] = []
        for i, rule in enumerate(rules):
            shape = _anchored_starts(rule)
            prefixes = _lower_safe(shape[1]) if shape else None
            if shape and prefixes:
                starts[i] = (shape[0], prefixes)
                continue
            strings = _lower_safe(_required(_parsed(rule)))
            if strings:
                required[i] = _weaken(strings)
            else:
                always.append(i)
        # One level per line length, holding only the rules that allow it, so no line meets a rule (or looks
        # for a string) that its length already excludes.
        self.levels = [self._level(n, starts, required, always) for n in range(self.max_words + 1)]
        # Every level's strings in one Aho-Corasick automaton: a line is read once for all of them (looking for
        # each in turn was most of the prefilter's time); a level ignores the strings it does not hold.
        self.strings: ahocorasick.Automaton | None = None  # None: no rule requires a string
        if required:
            self.strings = ahocorasick.Automaton()
            for string in {string for strings in required.values() for string in strings}:
                self.strings.add_word(string, string)
            self.strings.make_automaton()

    def _level(self, n: int, starts: dict[int, tuple[bool, set[str]]], required: dict[int, set[str]],
               always: list[int]) -> _Level:
        allowed = {i for i, rule in enumerate(self.rules) if rule.max_words >= n}
        by_start: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
        for i, (skip, prefixes) in starts.items():
            if i in allowed:
                for prefix in prefixes:
                    by_start[skip].setdefault(prefix[:_MAX_PREFIX], []).append(i)
        by_string: dict[str, list[int]] = {}
        for i, strings in required.items():
            if i in allowed:
                for string in strings:
                    by_string.setdefault(string, []).append(i)
        return _Level(applicable=tuple(sorted(allowed)), always=frozenset(i for i in always if i in allowed),
                      starts={k: tuple(v) for k, v in by_start[False].items()},
                      starts_after_non_words={k: tuple(v) for k, v in by_start[True].items()},
                      required={k: tuple(v) for k, v in by_string.items()})

    def candidates(self, folded: str, n_words: int) -> tuple[int, ...] | list[int]:
        """Indexes of the rules that may match the line, in rule order (all of those that do are included)."""
        if n_words > self.max_words:
            return ()
        level = self.levels[n_words]
        if not folded or _UNSAFE.search(folded):
            return level.applicable
        found = set(level.always)
        for table, start in ((level.starts, folded),
                             (level.starts_after_non_words,
                              folded[_LEADING_NON_WORD.match(folded).end():])):  # type: ignore[union-attr]
            for size in (1, 2, 3):  # _MAX_PREFIX
                ids = table.get(start[:size])
                if ids:
                    found.update(ids)
        if self.strings is not None:
            for _, string in self.strings.iter(folded):
                ids = level.required.get(string)
                if ids:
                    found.update(ids)
        return sorted(found)


_PREFILTERS: dict[int, tuple[tuple[Rule, ...], _Prefilter]] = {}


def _prefilter(rules: tuple[Rule, ...]) -> _Prefilter:
    """The prefilter of a rules tuple, built once (looked up by identity: the packaged rules are one tuple)."""
    entry = _PREFILTERS.get(id(rules))
    if entry is None or entry[0] is not rules:
        if len(_PREFILTERS) >= 8:
            _PREFILTERS.clear()
        entry = _PREFILTERS[id(rules)] = (rules, _Prefilter(rules))
    return entry[1]


def check_examples(rules: tuple[Rule, ...]) -> list[str]:
    """Each rule against its own examples: the list of failures (empty when every rule holds)."""
    failures = []
    for rule in rules:
        failures += [f"{rule.id} misses {text!r}" for text in rule.must_match
                     if not rule.matches(fold(text), count_words(text))]
        failures += [f"{rule.id} wrongly matches {text!r}" for text in rule.must_not_match
                     if rule.matches(fold(text), count_words(text))]
    return failures
