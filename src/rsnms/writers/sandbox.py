"""The Jinja environment the Word templates are rendered in: a sandbox with limits.

A template (``templates/<act>.docx``) is a file a lawyer edits in Word; its tags
(``{{r b.text }}``, ``{%p for … %}``) are the only code in it, and they may only read the
document's context:

* no loader: ``{% include %}``, ``{% import %}``, ``{% extends %}`` are refused before the
  template is compiled (a template is one file);
* Jinja's sandbox (no ``__class__``, no ``mro``; the context is read-only) with only the
  filters and tests a layout needs, no globals but a bounded ``range``;
* calls: only a few string methods and the loop's helpers; an integer argument above
  :data:`MAX_NUMBER` is refused (``"x".ljust(10**9)``);
* ``*``, ``**``, ``//``, ``%`` are checked before they run (``"x" * 10**9``, ``9**9**9``), and
  a string or list longer than :data:`MAX_LENGTH` made by a filter or a call is refused;
* every ``for`` over the context's lists or ``range`` counts against :data:`MAX_STEPS` per
  document, so nested loops cannot run for hours.

Breaking a limit raises :class:`TemplateLimit`; :mod:`.docx` turns it, as any template
error, into a Russian message naming the template.
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_STEPS = 200_000        # loop iterations per document (an act: a few thousand)
MAX_NUMBER = 10_000        # an integer argument of a call or an operator
MAX_LENGTH = 1_000_000     # characters (or items) of a value a template makes
SAFE_FILTERS = ("e", "escape", "default", "d", "length", "count", "first", "last", "lower", "upper",
                "capitalize", "title", "trim", "string", "int", "join", "replace", "safe")
SAFE_METHODS = {"lower", "upper", "strip", "lstrip", "rstrip", "startswith", "endswith", "capitalize",
                "title", "get", "items", "keys", "values", "cycle", "changed"}
REFUSED_TAGS = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
                nodes.Extends: "extends"}


class TemplateLimit(SecurityError):
    """A template tried what a Word template may not do; ``what`` says it in Russian."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


class Budget:
    """The loop iterations left to one rendered document."""

    def __init__(self, steps: int = MAX_STEPS):
        self.left = steps

    def step(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TemplateLimit(f"циклы шаблона выполнились больше {MAX_STEPS} раз (вложенные циклы?)")


class Steps(list):
    """A list of the context whose iteration is counted against the document's budget."""

    def __init__(self, items, budget: Budget):
        super().__init__(items)
        self.budget = budget

    def __iter__(self):
        for item in super().__iter__():
            self.budget.step()
            yield item


_COMPILED: dict[str, object] = {}      # a template part's Jinja source → its compiled code


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """The sandboxed, autoescaping environment of one document's rendering."""

    intercepted_binops = frozenset(["*", "**", "//", "%"])

    def __init__(self, budget: Budget):
        super().__init__(autoescape=True)
        self.budget = budget
        self.filters = {name: _bounded(self.filters[name]) for name in SAFE_FILTERS if name in self.filters}
        self.globals = {"range": self._range}

    def _range(self, *args):
        if any(not isinstance(a, int) or abs(a) > MAX_NUMBER for a in args):
            raise TemplateLimit(f"range с числом больше {MAX_NUMBER}")
        return Steps(range(*args), self.budget)

    def from_string(self, source, globals=None, template_class=None):
        """The template of ``source``, checked and compiled once per process (a build renders each
        template's parts many times; every sandbox compiles them to the same code)."""
        code = _COMPILED.get(source)
        if code is None:
            tree = self.parse(source)
            for kind, word in REFUSED_TAGS.items():
                found = next(iter(tree.find_all(kind)), None)
                if found is not None:
                    raise TemplateLimit(f"метка {{% {word} %}} (строка {found.lineno} разметки шаблона): шаблон "
                                        "акта — один файл, другие шаблоны он подключать не может")
            code = self.compile(tree)
            if len(_COMPILED) >= 256:
                _COMPILED.clear()
            _COMPILED[source] = code
        return (template_class or self.template_class).from_code(self, code, self.make_globals(globals), None)

    def call_binop(self, context, operator, left, right):
        numbers = [x for x in (left, right) if isinstance(x, int) and not isinstance(x, bool)]
        if any(abs(n) > MAX_NUMBER for n in numbers) or (operator == "**" and len(numbers) == 2 and right > 64):
            raise TemplateLimit(f"выражение «{operator}» с числом больше {MAX_NUMBER}")
        if operator == "*" and any(isinstance(x, (str, list, tuple)) for x in (left, right)):
            size = max(len(x) for x in (left, right) if isinstance(x, (str, list, tuple)))
            if size * max(numbers or [0]) > MAX_LENGTH:
                raise TemplateLimit(f"значение длиннее {MAX_LENGTH} символов")
        return _checked(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()
        if not (isinstance(__obj, (Macro, LoopContext)) or getattr(__obj, "__self__", None).__class__ is LoopContext
                or getattr(__obj, "__name__", "") in SAFE_METHODS or __obj == __self._range):
            raise TemplateLimit(f"вызов «{getattr(__obj, '__name__', type(__obj).__name__)}()» в шаблоне "
                                "не допускается")
        if any(isinstance(a, int) and abs(a) > MAX_NUMBER for a in [*args, *kwargs.values()]):
            raise TemplateLimit(f"вызов с числом больше {MAX_NUMBER}")
        return _checked(super().call(__context, __obj, *args, **kwargs))


def _checked(value):
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_LENGTH:
        raise TemplateLimit(f"значение длиннее {MAX_LENGTH} символов")
    return value


def _bounded(function):
    """A filter whose integer arguments and result are within the limits."""
    def bounded(*args, **kwargs):
        if any(isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_NUMBER
               for a in [*args[1:], *kwargs.values()]):
            raise TemplateLimit(f"фильтр с числом больше {MAX_NUMBER}")
        return _checked(function(*args, **kwargs))
    for attribute in ("jinja_pass_arg",):
        if hasattr(function, attribute):
            setattr(bounded, attribute, getattr(function, attribute))
    return bounded


def budgeted(value, budget: Budget):
    """The context with every list iterating against ``budget``."""
    if isinstance(value, dict):
        return {k: budgeted(v, budget) for k, v in value.items()}
    if isinstance(value, list):
        return Steps([budgeted(v, budget) for v in value], budget)
    return value
