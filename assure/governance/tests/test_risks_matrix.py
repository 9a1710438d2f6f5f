"""The risk matrix: the library kind's validation, the shipped five by five, the partnership's
own matrix replacing it, and a risk's score and level read from the matrix."""

import pytest
from pydantic import ValidationError

from assure.governance.risk_matrix import matrix_of
from assure.governance.selectors.risks import matrix_for
from assure.library.models import LibraryDocument, LibraryItem
from assure.library.schemas import RiskMatrixItem

from .factories import shipped_matrix


def _raw(**changes) -> dict:
    raw = {
        "urn": "urn:test:risk-matrix:three",
        "code": "three",
        "title": "Three by three",
        "description": "A small matrix.",
        "likelihood": [{"score": n, "label": f"L{n}"} for n in (1, 2, 3)],
        "impact": [{"score": n, "label": f"I{n}"} for n in (1, 2, 3)],
        "bands": [
            {"code": "low", "label": "Low", "lowest": 1, "highest": 3, "colour": "green", "description": "Fine."},
            {"code": "high", "label": "High", "lowest": 4, "highest": 9, "colour": "red", "description": "Act."},
        ],
        "appetite": 3,
    }
    return raw | changes


def test_a_matrix_whose_bands_cover_every_score_once_is_valid():
    assert RiskMatrixItem.model_validate(_raw()).appetite == 3


def test_a_score_in_no_band_is_refused():
    bands = [{"code": "low", "label": "Low", "lowest": 1, "highest": 3, "colour": "green", "description": "x"}]
    with pytest.raises(ValidationError, match=r"exactly one band.*4 \(no band\)"):
        RiskMatrixItem.model_validate(_raw(bands=bands))


def test_a_score_in_two_bands_is_refused():
    bands = [
        {"code": "low", "label": "Low", "lowest": 1, "highest": 4, "colour": "green", "description": "x"},
        {"code": "high", "label": "High", "lowest": 4, "highest": 9, "colour": "red", "description": "y"},
    ]
    with pytest.raises(ValidationError, match=r"4 \(low, high\)"):
        RiskMatrixItem.model_validate(_raw(bands=bands))


def test_a_scale_not_numbered_from_one_is_refused():
    with pytest.raises(ValidationError, match="must run 1, 2, 3"):
        RiskMatrixItem.model_validate(_raw(likelihood=[{"score": 2, "label": "a"}, {"score": 3, "label": "b"}]))


def test_an_appetite_above_the_highest_score_is_refused():
    with pytest.raises(ValidationError, match="appetite"):
        RiskMatrixItem.model_validate(_raw(appetite=10))


@pytest.mark.django_db
def test_the_shipped_matrix_scores_likelihood_times_impact_into_its_bands():
    matrix = matrix_of(shipped_matrix())
    assert matrix.score(3, 4) == 12
    assert matrix.level(3, 4).label == "High"
    assert matrix.level(1, 4).label == "Low"
    assert matrix.level(5, 5).label == "Very high"
    assert matrix.above_appetite(10) and not matrix.above_appetite(9)


@pytest.mark.django_db
def test_the_partnerships_own_matrix_replaces_the_shipped_one(partnership, other_partnership):
    shipped = shipped_matrix()
    document = LibraryDocument.objects.create(
        urn="urn:northshire:risk-matrices",
        version=1,
        kind="risk-matrix",
        provider=partnership.slug,
        title="Northshire's risk matrix",
        checksum="x",
        source_path="library/northshire/risk-matrix.yaml",
        content={},
    )
    own = LibraryItem.objects.create(
        document=document,
        urn="urn:northshire:risk-matrix:three",
        kind="risk-matrix",
        code="northshire-three",
        title="Three by three",
        position=0,
        data=_raw(),
    )
    assert matrix_for(partnership) == own
    assert matrix_for(other_partnership) == shipped
