"""Sizes (panel units) and inks of the drawing: the panels, the figure's body, the props."""

PANEL_W = 180.0
GAP = 40.0
FLOOR_Y = 188.0  # SVG y of the floor line
TOP_MARGIN = 6.0
SIDE_MARGIN = 8.0
LABEL_BAND = 30.0
PRINT_MM_PER_UNIT = 0.15  # two panels print 60 mm wide, three 93 mm

HEAD_R = 10.0
NECK = 17.0  # shoulder point to the centre of the head
TRUNK = 50.0
UPPER_ARM = 29.0
FOREARM = 27.0
THIGH = 42.0
SHIN = 40.0
FOOT = 13.0
FRONT_FOOT = 8.0
TRUNK_W = 19.0
LIMB_W = 9.0
FOOT_W = 7.0
NECK_W = 8.0
HAND_R = 5.5
SHOULDER_HALF = 13.0  # front view
HIP_HALF = 8.0
STICK_OFFSET = TRUNK_W / 2 + 3.5

INK = "#000"
FAR_INK = "#5a5a5a"
PAPER = "#fff"
PROP_FILL = "#e6e6e6"
PROP_STROKE = 3.0
