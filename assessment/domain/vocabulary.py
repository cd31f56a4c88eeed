"""The codes an assessment records and its result shows, with their labels (domain.md §3–§4b)."""

from osteoactive.domain.languages import Labelled


class Sex(Labelled):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"

    __labels__ = {
        "female": ("Kvinde", "Female"),
        "male": ("Mand", "Male"),
        "other": ("Andet", "Other"),
    }


class FractureSite(Labelled):
    VERTEBRAL = "vertebral"
    HIP = "hip"
    WRIST = "wrist"
    HUMERUS = "humerus"
    PELVIS = "pelvis"
    RIB = "rib"
    ANKLE = "ankle"
    OTHER = "other"

    __labels__ = {
        "vertebral": ("Ryghvirvel", "Vertebra"),
        "hip": ("Hofte", "Hip"),
        "wrist": ("Håndled", "Wrist"),
        "humerus": ("Overarm (humerus)", "Upper arm (humerus)"),
        "pelvis": ("Bækken", "Pelvis"),
        "rib": ("Ribben", "Rib"),
        "ankle": ("Ankel", "Ankle"),
        "other": ("Andet sted", "Other site"),
    }


class WalkingAid(Labelled):
    NONE = "none"
    STICK = "stick"
    CRUTCHES = "crutches"
    ROLLATOR = "rollator"
    WHEELCHAIR = "wheelchair"

    __labels__ = {
        "none": ("Ingen", "None"),
        "stick": ("Stok", "Walking stick"),
        "crutches": ("Albuestokke", "Crutches"),
        "rollator": ("Rollator", "Rollator"),
        "wheelchair": ("Kørestol", "Wheelchair"),
    }


class TScoreSite(Labelled):
    LUMBAR_SPINE = "lumbar_spine"
    FEMORAL_NECK = "femoral_neck"
    TOTAL_HIP = "total_hip"
    FOREARM = "forearm"

    __labels__ = {
        "lumbar_spine": ("Lænderyg (L1–L4)", "Lumbar spine (L1–L4)"),
        "femoral_neck": ("Lårbenshals", "Femoral neck"),
        "total_hip": ("Hele hoften", "Total hip"),
        "forearm": ("Underarm (33 % radius)", "Forearm (33 % radius)"),
    }


class RiskFactor(Labelled):
    """The §3 checklist, in its order."""

    PARENT_HIP_FRACTURE = "parent_hip_fracture"
    EARLY_MENOPAUSE = "early_menopause"
    LOW_BMI = "low_bmi"
    GLUCOCORTICOIDS = "glucocorticoids"
    HORMONE_THERAPY = "hormone_therapy"
    SMOKING = "smoking"
    HIGH_ALCOHOL = "high_alcohol"
    LOW_CALCIUM_VITAMIN_D = "low_calcium_vitamin_d"
    PHYSICAL_INACTIVITY = "physical_inactivity"
    SECONDARY_OSTEOPOROSIS_DISEASE = "secondary_osteoporosis_disease"

    __labels__ = {
        "parent_hip_fracture": ("Forælder med hoftebrud", "Parent with a hip fracture"),
        "early_menopause": ("Tidlig overgangsalder (< 45 år)", "Early menopause (< 45)"),
        "low_bmi": ("BMI < 19 / lav vægt", "BMI < 19 / low weight"),
        "glucocorticoids": (
            "Binyrebarkhormon (≥ 5 mg prednisolon i ≥ 3 måneder)",
            "Glucocorticoids (≥ 5 mg prednisolone for ≥ 3 months)",
        ),
        "hormone_therapy": (
            "Aromatasehæmmer / hormonbehandling",
            "Aromatase inhibitor / hormone therapy",
        ),
        "smoking": ("Rygning", "Smoking"),
        "high_alcohol": ("Højt alkoholforbrug", "High alcohol intake"),
        "low_calcium_vitamin_d": ("Lavt indtag af kalk / D-vitamin", "Low calcium / vitamin D"),
        "physical_inactivity": ("Fysisk inaktivitet", "Physical inactivity"),
        "secondary_osteoporosis_disease": (
            "Leddegigt eller anden sygdom, der giver sekundær osteoporose",
            "Rheumatoid arthritis or other secondary-osteoporosis disease",
        ),
    }


class FallRisk(Labelled):
    HIGH = "high"
    INTERMEDIATE = "intermediate"
    LOW = "low"

    __labels__ = {
        "high": ("Høj", "High"),
        "intermediate": ("Moderat", "Intermediate"),
        "low": ("Lav", "Low"),
    }


class BoneStatus(Labelled):
    NORMAL = "normal"
    OSTEOPENIA = "osteopenia"
    OSTEOPOROSIS = "osteoporosis"
    SEVERE_OSTEOPOROSIS = "severe_osteoporosis"
    UNKNOWN = "unknown"

    __labels__ = {
        "normal": ("Normal", "Normal"),
        "osteopenia": ("Osteopeni", "Osteopenia"),
        "osteoporosis": ("Osteoporose", "Osteoporosis"),
        "severe_osteoporosis": ("Svær osteoporose", "Severe osteoporosis"),
        "unknown": ("Ukendt", "Unknown"),
    }


class Medication(Labelled):
    """Osteoporosis medication at the assessment (DK-2026.2, §3); one code, optional."""

    NONE = "none"
    BISPHOSPHONATE = "bisphosphonate"
    DENOSUMAB = "denosumab"
    TERIPARATIDE = "teriparatide"
    ROMOSOZUMAB = "romosozumab"
    MENOPAUSAL_HORMONE_THERAPY = "menopausal_hormone_therapy"
    OTHER = "other"

    __labels__ = {
        "none": ("Ingen", "None"),
        "bisphosphonate": ("Bisfosfonat", "Bisphosphonate"),
        "denosumab": ("Denosumab", "Denosumab"),
        "teriparatide": ("Teriparatid", "Teriparatide"),
        "romosozumab": ("Romosozumab", "Romosozumab"),
        "menopausal_hormone_therapy": (
            "Hormonbehandling i overgangsalderen",
            "Menopausal hormone therapy",
        ),
        "other": ("Anden behandling", "Other"),
    }


class FesILevel(Labelled):
    """Concern about falling from the Short FES-I total (Delbaere et al. 2010)."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    __labels__ = {
        "low": ("Lav", "Low"),
        "moderate": ("Moderat", "Moderate"),
        "high": ("Høj", "High"),
    }


class Change(Labelled):
    """Meaningful change of one measure between two assessments (§4b)."""

    BETTER = "better"
    WORSE = "worse"
    NO_DETECTABLE_CHANGE = "no_detectable_change"

    __labels__ = {
        "better": ("Bedre", "Better"),
        "worse": ("Dårligere", "Worse"),
        "no_detectable_change": (
            "Uændret — ingen påviselig ændring",
            "Unchanged — no detectable change",
        ),
    }


def in_sentence(label: str) -> str:
    """A label as it reads mid-sentence: "Lænderyg (L1–L4)" → "lænderyg (L1–L4)"; "BMI" stays."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label
