"""The package builder makes valid, reproducible `.h5p` files around our own content type."""

from __future__ import annotations

import io
import json
import zipfile

from courses.h5p.builder import FIXED_DATE, LIBRARIES_DIR, SCENARIO_FOLDER, build_package, library_files
from courses.h5p.package import LibraryRef, validate_package

CONTENT = {
    "scenario": "<p>Mariama a été recrutée pour un emploi de vendeuse à l'étranger.</p>",
    "questions": [
        {
            "text": "Son passeport est gardé par son employeur. Est-ce un indicateur de traite des personnes ?",
            "answers": [
                {"text": "Oui", "correct": True, "feedback": "La confiscation des papiers est un indicateur."},
                {"text": "Non", "correct": False, "feedback": "Garder les papiers d'autrui prive de liberté."},
            ],
        }
    ],
    "l10n": {
        "check": "Vérifier",
        "retry": "Recommencer",
        "score": "Votre score : :num sur :total",
        "correct": "Bonne réponse",
        "incorrect": "Réponse incorrecte",
    },
}


def read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_built_package_validates():
    package = validate_package(build_package(title="Le recrutement de Mariama", content=CONTENT))

    assert package.title == "Le recrutement de Mariama"
    assert package.language == "fr"
    assert package.main_library == LibraryRef("H5P.TraffickingScenario", 1, 0, 0)
    assert package.libraries == (package.main_library,)


def test_the_same_inputs_give_the_same_bytes():
    first = build_package(title="Mariama", content=CONTENT)
    second = build_package(title="Mariama", content=json.loads(json.dumps(CONTENT)))

    assert first == second
    assert validate_package(first).content_hash == validate_package(second).content_hash
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_DATE}


def test_the_package_holds_the_content_and_our_whole_library():
    files = read(build_package(title="Mariama", content=CONTENT, language="en"))

    assert json.loads(files["content/content.json"]) == CONTENT
    own = library_files()
    assert {f"{SCENARIO_FOLDER}/{path}" for path in own} <= set(files)
    assert set(own) == {"library.json", "semantics.json", "scenario.js", "scenario.css"}
    assert all(files[f"{SCENARIO_FOLDER}/{path}"] == data for path, data in own.items())
    h5p = json.loads(files["h5p.json"])
    assert h5p["language"] == "en"
    assert h5p["mainLibrary"] == "H5P.TraffickingScenario"
    assert h5p["preloadedDependencies"] == [
        {"machineName": "H5P.TraffickingScenario", "majorVersion": 1, "minorVersion": 0}
    ]


def test_libraries_extra_files_and_overrides_are_added():
    helper = {
        "library.json": json.dumps(
            {"title": "Helper", "machineName": "H5P.Helper", "majorVersion": 2, "minorVersion": 1}
            | {"patchVersion": 0, "runnable": 1, "preloadedJs": [{"path": "helper.js"}]}
        ).encode(),
        "helper.js": b"var helper;",
    }

    files = read(
        build_package(
            title="Mariama",
            content=CONTENT,
            main_library="H5P.Helper",
            libraries={"H5P.Helper-2.1": helper},
            extra_files={"content/images/carte.png": b"\x89PNG"},
            h5p_json_overrides={"embedTypes": ["iframe"]},
        )
    )

    assert files["H5P.Helper-2.1/helper.js"] == b"var helper;"
    assert files["content/images/carte.png"] == b"\x89PNG"
    h5p = json.loads(files["h5p.json"])
    assert h5p["embedTypes"] == ["iframe"]
    assert h5p["preloadedDependencies"] == [{"machineName": "H5P.Helper", "majorVersion": 2, "minorVersion": 1}]


def test_our_content_type_stays_small_and_self_contained():
    folder = LIBRARIES_DIR / SCENARIO_FOLDER
    manifest = json.loads((folder / "library.json").read_text())
    semantics = json.loads((folder / "semantics.json").read_text())

    assert (manifest["machineName"], manifest["majorVersion"], manifest["minorVersion"]) == (
        "H5P.TraffickingScenario",
        1,
        0,
    )
    assert [field["name"] for field in semantics] == ["scenario", "questions", "l10n"]
    for name in ("scenario.js", "scenario.css"):
        text = (folder / name).read_text()
        assert len(text.encode()) < 6 * 1024
        assert "http://" not in text and "https://" not in text and "@import" not in text
    assert ".innerHTML" not in (folder / "scenario.js").read_text()
