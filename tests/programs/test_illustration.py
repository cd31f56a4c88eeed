"""The exercise illustrations: standalone, valid, deterministic SVG from pose data."""

import xml.etree.ElementTree as ET

import pytest

from programs.domain.illustration import (
    BASE_POSES,
    FOOT_LAYOUTS,
    PROP_TYPES,
    IllustrationError,
    render_illustration,
)

pytestmark = pytest.mark.pure

SVG = "{http://www.w3.org/2000/svg}"

SIT_TO_STAND = {
    "props": [{"type": "chair", "x": 48}],
    "start": {"base": "seated", "x": 70, "angles": {"trunk": 22}},
    "end": {"base": "standing", "x": 112},
}

# One pose that uses each prop, so every drawing path runs.
PROP_POSES = {
    "chair": {"type": "chair", "x": 40, "facing": "left", "back": 70},
    "wall": {"type": "wall", "x": 150, "side": "right"},
    "rail": {"type": "rail", "x0": 10, "x1": 170, "h": 90},
    "step": {"type": "step", "x": 100, "w": 50, "h": 18},
    "stairs": {"type": "stairs", "x": 100, "n": 3},
    "mat": {"type": "mat", "x0": 5, "x1": 175},
    "bed": {"type": "bed", "x0": 5, "x1": 175, "h": 45},
    "pillow": {"type": "pillow", "x": 30, "h": 0},
    "bench": {"type": "bench", "x0": 100, "x1": 160, "h": 40, "h1": 70},
    "band": {"type": "band", "from": [170, 110], "to": "hands"},
    "rope": {"type": "rope", "at": "hands", "through": [90, 2]},
    "dumbbell": {"type": "dumbbell", "at": "near_hand"},
    "kettlebell": {"type": "kettlebell", "at": "far_hand", "offset": [0, 2]},
    "basket": {"type": "basket", "at": "hands"},
    "barbell": {"type": "barbell", "at": {"body": [46, -12]}, "behind": True},
    "stick": {"type": "stick"},
    "ladder": {"type": "ladder", "x0": 10, "x1": 170},
    "clock": {"type": "clock", "x": 90, "r": 60},
    "bar": {"type": "bar", "x": 100, "h": 178},
    "board": {"type": "board", "from": [130, 60], "to": [110, 100]},
}


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def test_valid_standalone_svg_with_size_and_viewbox():
    root = parse(render_illustration(SIT_TO_STAND))
    assert root.get("viewBox").startswith("0 0 ")
    assert root.get("width").endswith("mm")
    assert root.get("height").endswith("mm")
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert float(root.get("width")[:-2]) / float(root.get("height")[:-2]) == pytest.approx(
        width / height, rel=0.01
    )


def test_deterministic():
    assert render_illustration(SIT_TO_STAND) == render_illustration(dict(SIT_TO_STAND))


def test_no_text_without_labels():
    root = parse(render_illustration(SIT_TO_STAND))
    assert root.findall(f".//{SVG}text") == []


def test_labels_appear_escaped_under_each_panel():
    svg = render_illustration(SIT_TO_STAND, labels=("Udgangsstilling", "Slut & <hold>"))
    root = parse(svg)
    texts = [t.text for t in root.findall(f".//{SVG}text")]
    assert texts == ["Udgangsstilling", "Slut & <hold>"]
    # The labels make the picture taller, not narrower.
    plain = parse(render_illustration(SIT_TO_STAND))
    assert float(root.get("viewBox").split()[3]) > float(plain.get("viewBox").split()[3])
    assert root.get("width") == plain.get("width")


def is_grey(colour: str) -> bool:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        return digits[0] == digits[1] == digits[2]
    return len(digits) == 6 and digits[0:2] == digits[2:4] == digits[4:6]


def test_black_on_white_with_visible_strokes():
    root = parse(render_illustration(SIT_TO_STAND))
    colours = {el.get(attr) for el in root.iter() for attr in ("fill", "stroke")} - {None, "none"}
    # Only black, white and greys: no meaning rests on colour.
    assert {"#000", "#fff"} <= colours
    assert all(is_grey(colour) for colour in colours), colours
    widths = [float(el.get("stroke-width")) for el in root.iter() if el.get("stroke-width")]
    assert max(widths) >= 9  # the limbs are thick


@pytest.mark.parametrize("base", sorted(BASE_POSES))
def test_every_base_pose_renders(base):
    pose = {"start": {"base": base}, "end": {"base": base, "angles": {"near_arm": 90}}}
    root = parse(render_illustration(pose))
    assert len(root.findall(f".//{SVG}circle")) >= 2  # a head in each panel


@pytest.mark.parametrize("view", ["side", "front"])
def test_both_views_render(view):
    parse(render_illustration({"view": view, **SIT_TO_STAND}))


def test_every_prop_type_is_covered_here():
    assert set(PROP_POSES) == set(PROP_TYPES)


@pytest.mark.parametrize("prop", sorted(PROP_POSES))
def test_every_prop_renders(prop):
    pose = {
        "start": {"base": "standing", "props": [PROP_POSES[prop]]},
        "end": {"base": "standing", "angles": {"trunk": 40}, "props": [PROP_POSES[prop]]},
    }
    with_prop = render_illustration(pose)
    without = render_illustration(
        {"start": {"base": "standing"}, "end": pose["end"] | {"props": []}}
    )
    parse(with_prop)
    assert with_prop != without


@pytest.mark.parametrize("layout", sorted(FOOT_LAYOUTS))
def test_marks_render(layout):
    marks = [
        {"type": "arrow", "from": [20, 120], "to": [55, 120]},
        {"type": "impact", "at": "near_toe"},
        {"type": "footprints", "at": [150, 150], "layout": layout},
        {"type": "check", "at": [30, 160]},
        {"type": "cross", "at": [60, 160], "r": 12},
    ]
    plain = parse(render_illustration({"start": {}, "end": {}}))
    root = parse(
        render_illustration(
            {"start": {"base": "standing"}, "end": {"base": "standing", "marks": marks}}
        )
    )
    assert len(root.findall(f".//{SVG}polygon")) > len(plain.findall(f".//{SVG}polygon")) + 2
    dashed = [p for p in root.iter(f"{SVG}polygon") if p.get("stroke-dasharray")]
    assert len(dashed) == (1 if layout == "one_foot" else 0)  # the lifted foot


def panels(svg: str) -> int:
    """The number of panels: one floor line each, unless seen from above."""
    width = float(parse(svg).get("viewBox").split()[2])
    return round((width + 40) / 220)


def test_a_middle_frame_makes_three_panels_with_two_arrows():
    three = render_illustration({**SIT_TO_STAND, "middle": {"base": "seated", "x": 70}})
    assert panels(three) == 3 and panels(render_illustration(SIT_TO_STAND)) == 2
    root = parse(three)
    arrows = [p for p in root.findall(f"{SVG}polygon")]  # the "then" arrows are top-level
    assert len(arrows) == 2
    assert float(root.get("width")[:-2]) > float(
        parse(render_illustration(SIT_TO_STAND)).get("width")[:-2]
    )
    assert render_illustration(SIT_TO_STAND, labels=("a", "b"))
    with pytest.raises(IllustrationError, match="labels: expected 3 strings"):
        render_illustration({**SIT_TO_STAND, "middle": {}}, labels=("a", "b"))


def test_do_and_dont_panels_have_no_arrow_between_them():
    root = parse(render_illustration({**SIT_TO_STAND, "connector": "none"}))
    assert root.findall(f"{SVG}polygon") == []


@pytest.mark.parametrize("layout", sorted(FOOT_LAYOUTS))
def test_a_panel_seen_from_above_shows_the_feet_large(layout):
    svg = render_illustration({"start": {"base": "standing"}, "end": {"plan": {"feet": layout}}})
    root = parse(svg)
    lines = [line for line in root.iter(f"{SVG}line")]
    assert len(lines) == 1  # a floor only under the figure, not under the view from above


def test_stance_layouts_differ_from_above():
    def feet(layout):
        return render_illustration({"start": {"plan": {"feet": layout}}, "end": {}})

    drawn = {layout: feet(layout) for layout in FOOT_LAYOUTS}
    assert len(set(drawn.values())) == len(FOOT_LAYOUTS)


def test_the_clock_face_from_above_with_steps_and_stroked_digits():
    svg = render_illustration(
        {"start": {"plan": {"clock": {"arrows": [12, 3, 6]}}},
         "end": {"plan": {"clock": {"step": 3}}}}
    )  # fmt: skip
    root = parse(svg)
    assert root.findall(f".//{SVG}text") == []  # digits are strokes, never small type
    assert len(root.findall(f".//{SVG}circle")) >= 2


def test_a_rounded_back_and_a_shortened_limb_change_the_drawing():
    straight = render_illustration({"start": {"angles": {"trunk": 100}}, "end": {}})
    rounded = render_illustration({"start": {"angles": {"trunk": 100}, "curve": 12}, "end": {}})
    assert straight != rounded and "Q" in rounded and "Q" not in straight
    short = render_illustration({"start": {"shorten": {"thighs": 0.3}}, "end": {}})
    assert short != render_illustration({"start": {}, "end": {}})


def test_a_panel_may_have_its_own_view():
    side = render_illustration({"start": {}, "end": {}})
    front_end = render_illustration({"start": {}, "end": {"view": "front"}})
    assert side != front_end


def test_reach_puts_the_hand_on_the_target():
    # Reach for a point: the hand (a filled circle of radius 5.5) is drawn exactly there.
    pose = {
        "start": {"base": "standing", "x": 80, "reach": {"hands": [112, 94]}},
        "end": {"base": "standing", "x": 80},
    }
    svg = render_illustration(pose)
    assert 'cx="112" cy="-94" r="5.5"' in svg


def test_content_that_is_too_big_is_scaled_to_fit():
    pose = {
        "start": {"base": "standing", "angles": {"arms": 0, "forearms": 0}, "lift": 40},
        "end": {"base": "standing"},
    }
    assert "scale(1.0000)" not in render_illustration(pose)
    assert "scale(1.0000)" in render_illustration({"start": {}, "end": {}})


@pytest.mark.parametrize(
    ("pose", "message"),
    [
        ({"start": {"base": "standing"}}, "end: missing panel"),
        ({"start": {"base": "floating"}, "end": {}}, "start.base: unknown base pose 'floating'"),
        ({"start": {"angles": {"tail": 3}}, "end": {}}, "start.angles: unknown segment 'tail'"),
        (
            {"start": {"angles": {"trunk": "up"}}, "end": {}},
            "start.angles.trunk: expected a number",
        ),
        ({"start": {"props": [{"type": "piano"}]}, "end": {}}, "start.props[0].type: unknown prop"),
        ({"start": {"reach": {"tail": [1, 2]}}, "end": {}}, "start.reach: unknown limb 'tail'"),
        ({"start": {"reach": {"hands": [1]}}, "end": {}}, "start.reach.hands: expected a point"),
        (
            {"start": {"props": [{"type": "band", "from": "elbow", "to": "hands"}]}, "end": {}},
            "start.props[0].from: unknown joint 'elbow'",
        ),
        ({"start": {"marks": [{"type": "star"}]}, "end": {}}, "start.marks[0].type: unknown mark"),
        ({"view": "top", "start": {}, "end": {}}, "view: expected 'side' or 'front'"),
        ({"start": {"view": "top"}, "end": {}}, "start.view: expected 'side' or 'front'"),
        ({"connector": "line", "start": {}, "end": {}}, "connector: expected 'arrow' or 'none'"),
        ({"start": {"plan": {"floor": 1}}, "end": {}}, "start.plan: expected"),
        ({"start": {"plan": {"feet": "wide"}}, "end": {}}, "start.plan.feet.layout: expected"),
        ({"start": {"plan": {"clock": {"step": 5}}}, "end": {}}, "start.plan.clock.step"),
        ({"start": {"plan": {"clock": {"arrows": [1]}}}, "end": {}}, "start.plan.clock.arrows"),
        ({"start": {"curve": 30}, "end": {}}, "start.curve: expected 0 to 20"),
        ({"start": {"shorten": {"thighs": 2}}, "end": {}}, "start.shorten.thighs: expected"),
        ({"start": {"shorten": {"tail": 0.5}}, "end": {}}, "start.shorten: unknown segment"),
    ],
)
def test_invalid_pose_data_is_named(pose, message):
    with pytest.raises(IllustrationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        render_illustration(pose)


def test_labels_must_be_two_strings():
    with pytest.raises(IllustrationError, match="labels"):
        render_illustration(SIT_TO_STAND, labels=("only one",))


def test_the_advice_drawings_render_the_lift_as_do_and_dont():
    from programs.domain.illustration.advice import ADVICE_DRAWINGS

    assert set(ADVICE_DRAWINGS) == {"lift", "avoid"}
    lift = parse(render_illustration(ADVICE_DRAWINGS["lift"]))
    assert lift.findall(f"{SVG}polygon") == []  # side by side, no "then" arrow
    avoid = render_illustration(ADVICE_DRAWINGS["avoid"])
    # Every panel of "avoid" is crossed out; "lift" has one tick and one cross.
    assert (
        avoid.count('r="20"') == 2
        and render_illustration(ADVICE_DRAWINGS["lift"]).count('r="20"') == 2
    )


def test_two_frames_of_a_figure_lying_down_are_stacked():
    lying = {"start": {"base": "lying_supine"}, "end": {"base": "lying_prone"}}
    stacked = parse(render_illustration(lying))
    width, height = (float(v) for v in stacked.get("viewBox").split()[2:])
    assert width == 180 and height > 100  # one frame wide, one above the other
    assert len(stacked.findall(f"{SVG}line")) == 2  # a floor under each
    row = parse(render_illustration({**lying, "layout": "row"}))
    assert float(row.get("viewBox").split()[2]) == 400
    standing = parse(render_illustration({"start": {}, "end": {}, "layout": "auto"}))
    assert float(standing.get("viewBox").split()[2]) == 400
    forced = parse(render_illustration({"start": {}, "end": {}, "layout": "stack"}))
    assert float(forced.get("viewBox").split()[2]) == 180
    with pytest.raises(IllustrationError, match="layout: expected"):
        render_illustration({**lying, "layout": "grid"})
