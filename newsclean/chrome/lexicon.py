"""The chrome lexicon: rules kept as data in `newsclean/rules/<lang>.yaml`, loaded and compiled once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

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
        """The match on a folded line, if the line is short enough for this rule."""
        if n_words > self.max_words:
            return None
        return self.pattern.search(folded)


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
    """Every rule that matches one line, strongest first (anywhere before edge, chrome before meta)."""
    folded, n_words = fold(text), count_words(text)
    hits = []
    for rule in rules if rules is not None else default_rules():
        found = rule.matches(folded, n_words)
        if found:
            # "site2" and the like: alternatives of one pattern capture the same field under numbered names
            groups = {k.rstrip("0123456789"): find_original(text, v.strip())
                      for k, v in found.groupdict().items() if v and v.strip()}
            hits.append(Hit(rule, groups))
    return hits


def check_examples(rules: tuple[Rule, ...]) -> list[str]:
    """Each rule against its own examples: the list of failures (empty when every rule holds)."""
    failures = []
    for rule in rules:
        failures += [f"{rule.id} misses {text!r}" for text in rule.must_match
                     if not rule.matches(fold(text), count_words(text))]
        failures += [f"{rule.id} wrongly matches {text!r}" for text in rule.must_not_match
                     if rule.matches(fold(text), count_words(text))]
    return failures
