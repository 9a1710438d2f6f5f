from assure.library.schemas import ReportTemplateItem

from .factories import BlockFactory, RenderingFactory, ReportTemplateFactory


def test_template_factory_is_a_valid_report_template(db):
    template = ReportTemplateFactory()
    item = ReportTemplateItem.model_validate(
        {"urn": template.urn, "code": template.code, "title": template.title, **template.data}
    )
    assert [s.repeat for s in item.sections] == ["per_priority", "per_agency", "once"]


def test_block_factory_data_is_block_data(db):
    from assure.reports.blocks import BlockData

    assert BlockData.model_validate(BlockFactory().data).tables[0].rows[-1] == ["2014-15", "2,626"]


def test_rendering_factory_stores_a_file(db):
    assert RenderingFactory().file.read().startswith(b"%PDF")
