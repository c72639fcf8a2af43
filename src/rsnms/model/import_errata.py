"""Errata an import finds: where the source disagrees with itself, the value kept in the
profile and the quote of the other, with its line — never a silent choice."""

from __future__ import annotations

import re

from ..lang.formats import short_date
from ..readers.acts.outline import CLAUSE, Node
from ..readers.acts.requisites import stamp_requisites


def _squash(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>|\*", " ", text).split()).lower()


class Errata:
    def __init__(self, source_file: str, lines: list[str]):
        self.file = source_file
        self.lines = lines
        self.items: list[dict] = []

    def locate(self, quote: str, line: int) -> int:
        """The line of the rendition, from ``line`` on, where the quote stands (a paragraph may span lines)."""
        target = _squash(quote)
        for number in range(max(line, 1), min(line + 40, len(self.lines)) + 1):
            if target in _squash(self.lines[number - 1]):
                return number
        return 0

    def add(self, where: str, quote: str, correct: str, line: int, note: str) -> None:
        line = self.locate(quote, line)
        if line >= 1 and quote.strip():
            self.items.append({"where": where, "quote": quote, "correct": correct,
                               "source": {"file": self.file, "line": line}, "note": note})

    def operative(self, head) -> None:
        if head.operative_printed:
            self.add("acts.order.operative_word", head.operative_printed, head.operative,
                     head.lines.get("operative", 0),
                     f"Распорядительное слово напечатано «{head.operative_printed}»; в профиле — «{head.operative}». "
                     "Проверьте по подлиннику.")

    def stamps(self, order: dict, parts: list) -> None:
        """A stamp citing another date or number of the order than its head."""
        for part in parts:
            if not part.stamp or not order.get("date") and not order.get("number"):
                continue
            date, number, printed = stamp_requisites(part.stamp_text)
            if not printed:
                continue
            line = next((p.line for p in part.stamp if "№" in p.text or "от " in p.text), part.stamp[-1].line)
            quote = printed.split("№")[0].strip() if date and date != order.get("date") else printed
            if date and order.get("date") and date != order["date"]:
                self.add("acts.order.date", quote, order["date"], line,
                         f"В грифе приложения дата приказа {short_date(date)}, в шапке приказа — "
                         f"{short_date(order['date'])}; в профиле записана дата из шапки. Проверьте по подлиннику.")
            if number and order.get("number") and number != order["number"] and order.get("status") == "adopted":
                self.add("acts.order.number", f"№ {number}", order["number"], line,
                         f"В грифе приложения номер приказа «{number}», в шапке — «{order['number']}»; "
                         "в профиле записан номер из шапки.")

    def numbering(self, roots: list[Node], where: str) -> None:
        """Clause numbers out of sequence (repeated, skipped): the profile numbers them anew."""
        expected = 0
        for index, node in enumerate(n for n in roots if n.kind == CLAUSE):
            expected += 1
            if node.number.isdigit() and int(node.number) != expected:
                quote = f"{node.number}. {' '.join(node.text.split()[:3])}"
                self.add(f"{where}[{index}]", quote, str(expected), node.line,
                         f"Пункт напечатан с номером «{node.number}.», по порядку он {expected}-й; "
                         "номера пунктов вычисляются rsnms.")
                expected = int(node.number) if int(node.number) > expected else expected
