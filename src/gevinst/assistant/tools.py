"""The calculators as LangChain tools, in one place. The calculators themselves know nothing of LangChain."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import StructuredTool

from gevinst.calculators import CALCULATORS, CalculatorInputError, run_calculator


def calculator_tools() -> list[StructuredTool]:
    tools = []
    for calc in CALCULATORS.values():

        def run(_name: str = calc.name, **kwargs: Any) -> dict[str, Any]:
            return run_calculator(_name, kwargs).to_dict()

        tools.append(
            StructuredTool.from_function(
                func=run, name=calc.name, description=calc.description, args_schema=calc.inputs
            )
        )
    return tools


def run_tool(name: str, arguments: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """(result, error): a nonsense call from a model is answered with the Danish validation message."""
    try:
        return run_calculator(name, dict(arguments)).to_dict(), None
    except CalculatorInputError as exc:
        return {}, str(exc)
    except TypeError as exc:
        return {}, f"Ugyldigt kald af {name}: {exc}"
