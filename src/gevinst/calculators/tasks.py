"""The task-weighted potential: each task's share of the time × its efficiency, summed, with KSD's task table
(KOMBIT/KL 2014 §2.3) as the preset."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from gevinst.calculators.base import CalcInput, CalcResult, pct
from gevinst.calculators.presets import kombit
from gevinst.calculators.spec import Input, Kind, Spec


class Task(CalcInput):
    name: str = ""
    share_pct: float = Field(ge=0, le=100)
    efficiency_pct: float = Field(ge=0, le=100)


KSD_TASKS = [
    Task(name="Journaliser og fordel", share_pct=18, efficiency_pct=85),
    Task(name="Valider og indberet", share_pct=17, efficiency_pct=65),
    Task(name="Sagsspecifikke henvendelser", share_pct=11, efficiency_pct=40),
    Task(name="Kontakt ved fejl og mangler", share_pct=7, efficiency_pct=65),
    Task(name="Kontroller timer", share_pct=4, efficiency_pct=65),
    Task(name="Afslag pga. uarbejdsdygtighed", share_pct=3, efficiency_pct=0),
    Task(name="Partshøring på manglende oplysningsskema", share_pct=2, efficiency_pct=85),
]


class TasksBase(CalcInput):
    @model_validator(mode="after")
    def _shares(self) -> TasksBase:
        total = sum(t.share_pct for t in getattr(self, "tasks", []))
        if not getattr(self, "tasks", None):
            raise ValueError("angiv mindst én opgave")
        if total > 100 + 1e-9:
            raise ValueError(f"opgavernes andele summerer til {total:g} %; de må højst summere til 100 %")
        return self


def _tasks(i: Any) -> CalcResult:
    rows = [
        {
            "Opgave": t.name,
            "Andel af tiden": pct(t.share_pct),
            "Effektivisering": pct(t.efficiency_pct),
            "Bidrag": pct(t.share_pct * t.efficiency_pct / 100),
        }
        for t in i.tasks
    ]
    total = sum(t.share_pct * t.efficiency_pct / 100 for t in i.tasks)
    steps = " + ".join(f"{pct(t.share_pct)} × {pct(t.efficiency_pct)}" for t in i.tasks)
    return CalcResult(
        "task_weighted_potential",
        total,
        "%",
        "Samlet effektiviseringspotentiale",
        f"Potentiale = Σ (opgavens andel af tiden × effektivisering) = {steps} = {pct(total)} af den effektive arbejdstid.",
        [],
        {"share_covered_pct": sum(t.share_pct for t in i.tasks)},
        rows,
        ["KL og KOMBIT runder KSD-tabellens bidrag og skriver 40 %; de præcise produkter summerer til 39,6 %."]
        if list(i.tasks) == KSD_TASKS
        else [],
    )


TASK_WEIGHTED = Spec(
    "task_weighted_potential",
    "Vægtet effektiviseringspotentiale",
    "Effektiviseringspotentiale vægtet efter opgavernes andel af tiden (KOMBIT/KL 2014 §2.3)",
    (
        Input(
            "tasks",
            "Opgaver med andel af tiden og effektivisering",
            Kind.TASKS,
            (),
            False,
            kombit(KSD_TASKS, "KSD-tabellens syv opgaver"),
            columns=(
                (
                    "share_pct",
                    (
                        "af tiden",
                        "af arbejdstiden",
                        "fylder",
                        "andel",
                        "tidsforbrug",
                        "of the time",
                        "of their time",
                        "of the team",
                        "of our time",
                        "of the workload",
                        "of the work",
                        "take",
                        "share",
                    ),
                ),
                (
                    "efficiency_pct",
                    (
                        "effektivis",
                        "potentiale",
                        "automatiser",
                        "digitaliser",
                        "spare",
                        "reducer",
                        "frigør",
                        "gevinst",
                        "efficien",
                        "automat",
                        "potential",
                        "save",
                        "cut",
                        "reduc",
                    ),
                ),
            ),
        ),
    ),
    _tasks,
    (
        "vægtet",
        "vægtede",
        "vægtning",
        "opgavernes andel",
        "weighted",
        "af tiden",
        "af arbejdstiden",
        "of the time",
        "of their time",
        "of the workload",
    ),
    TasksBase,
    needs_goal=True,
)
