"""Everything the questionnaire engine offers the tenant core's registration points, called
once from ``QuestionnairesConfig.ready``: its own pages' place in the menu (the library's
questionnaires and the check of a questionnaire file, beside the other assurance work)."""


def register_all() -> None:
    library()


def library() -> None:
    from assure.core.menu import Part, register

    register(
        Part(
            group="assurance",
            label="Questionnaires",
            url_name="questionnaires:list",
            permission="questionnaires.check",
            description="The library's audit tools, checklists and surveys in outline, and a check of a "
            "questionnaire file before it is added.",
            order=90,
            covers=("questionnaires:list", "questionnaires:outline", "questionnaires:check"),
        )
    )
