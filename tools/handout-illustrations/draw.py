#!/usr/bin/env python3
"""Draws the built-in handout illustrations (one SVG per home-program item of the catalog).

The figures are posed, not hand-traced: one mannequin with fixed segment lengths, so every picture
has the same proportions, and a pose is a handful of joint angles that a therapist can read and
correct. Run it from the repository root after changing a pose; it rewrites the SVGs in
src/PtClinic.Application/Features/Handouts/Illustrations/ (commit them: the app never runs this).

    python3 tools/handout-illustrations/draw.py

Angles are in degrees on screen: 0 points right, 90 down, -90 up. Figures face right unless the
pose says otherwise; "near" limbs are drawn in front of the body, "far" ones behind it, shaded.
"""

import math
import os

OUT = "src/PtClinic.Application/Features/Handouts/Illustrations"
W, H = 240, 160
FLOOR = 150

INK = "#3b4248"       # figure outlines
FAR = "#d9dee2"       # far-side limbs, behind the body
SKIN = "#ffffff"      # near side
GHOST = "#b3bcc3"     # the starting position of a movement
ACCENT = "#1a7f86"    # movement arrows and props
PROP = "#d3ecee"      # fill of props
STROKE = 3

# Segment lengths and the radius of each end (proximal, distal).
HEAD_R = 9
NECK = 14             # shoulder to the centre of the head
TORSO = (40, 9, 10)
THIGH = (35, 7, 5.2)
SHIN = (33, 5.2, 3.8)
FOOT = (12, 3.8, 2.5)
UPPER_ARM = (26, 4.8, 3.8)
FOREARM = (23, 3.8, 3.1)
HAND = (7, 3.1, 2.5)
LEG = THIGH[0] + SHIN[0]
ARM = UPPER_ARM[0] + FOREARM[0]
SEAT = FLOOR - 30     # a chair seat: thighs level, feet flat
SITTING = SEAT - 7    # the hip of a person sitting on it


def d(angle):
    a = math.radians(angle)
    return math.cos(a), math.sin(a)


def along(p, angle, length):
    dx, dy = d(angle)
    return p[0] + dx * length, p[1] + dy * length


def angle_of(a, b):
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def f(v):
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def ik(root, target, l1, l2, bend):
    """Angles of a two-segment limb from root reaching target; bend +1/-1 picks the side of the joint."""
    dist = min(math.dist(root, target), l1 + l2 - 0.01)
    base = angle_of(root, target)
    cos_a = (l1 * l1 + dist * dist - l2 * l2) / (2 * l1 * dist)
    a = math.degrees(math.acos(max(-1, min(1, cos_a))))
    first = base + bend * a
    joint = along(root, first, l1)
    return first, angle_of(joint, target)


class Svg:
    def __init__(self):
        self.items = []  # (svg text, points for the bounding box as (x, y, r))
        self.fixed = []  # drawn in place, not moved when the scene is centred (floor)

    def add(self, text, pts):
        self.items.append((text, pts))

    # -- primitives -------------------------------------------------------------------------

    def capsule(self, a, b, ra, rb, fill, stroke=INK):
        """Two circles joined by their outer tangents: a limb segment with round ends."""
        length = math.dist(a, b)
        theta = math.atan2(b[1] - a[1], b[0] - a[0])
        phi = math.acos(max(-1, min(1, (ra - rb) / length)))
        def pt(c, r, ang):
            return c[0] + r * math.cos(ang), c[1] + r * math.sin(ang)
        a1, b1 = pt(a, ra, theta + phi), pt(b, rb, theta + phi)
        b2, a2 = pt(b, rb, theta - phi), pt(a, ra, theta - phi)
        large_b = 1 if 2 * phi > math.pi else 0
        large_a = 1 - large_b
        path = (f"M{f(a1[0])} {f(a1[1])}L{f(b1[0])} {f(b1[1])}"
                f"A{f(rb)} {f(rb)} 0 {large_b} 0 {f(b2[0])} {f(b2[1])}"
                f"L{f(a2[0])} {f(a2[1])}A{f(ra)} {f(ra)} 0 {large_a} 0 {f(a1[0])} {f(a1[1])}Z")
        self.add(f'<path d="{path}" fill="{fill}" stroke="{stroke}"/>', [(a[0], a[1], ra), (b[0], b[1], rb)])

    def circle(self, c, r, fill, stroke=INK):
        self.add(f'<circle cx="{f(c[0])}" cy="{f(c[1])}" r="{f(r)}" fill="{fill}" stroke="{stroke}"/>', [(c[0], c[1], r)])

    def path(self, d_, pts, stroke=ACCENT, fill="none", dash=None):
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<path d="{d_}" fill="{fill}" stroke="{stroke}"{extra}/>', [(x, y, 1.5) for x, y in pts])

    def rect(self, x, y, w, h, rx=2, stroke=ACCENT, fill=PROP):
        self.add(f'<rect x="{f(x)}" y="{f(y)}" width="{f(w)}" height="{f(h)}" rx="{f(rx)}" fill="{fill}" stroke="{stroke}"/>',
                 [(x, y, 1.5), (x + w, y + h, 1.5)])

    def line(self, pts, stroke=ACCENT, dash=None):
        d_ = "M" + "L".join(f"{f(x)} {f(y)}" for x, y in pts)
        self.path(d_, pts, stroke=stroke, dash=dash)

    # -- arrows -----------------------------------------------------------------------------

    def head(self, tip, angle, size=9):
        back = along(tip, angle + 180, size)
        l = along(back, angle + 90, size * 0.6)
        r = along(back, angle - 90, size * 0.6)
        self.add(f'<path d="M{f(tip[0])} {f(tip[1])}L{f(l[0])} {f(l[1])}L{f(r[0])} {f(r[1])}Z" fill="{ACCENT}" stroke="{ACCENT}"/>',
                 [(tip[0], tip[1], 2), (l[0], l[1], 2), (r[0], r[1], 2)])

    def arrow(self, a, b, both=False):
        ang = angle_of(a, b)
        start = along(a, ang, 6) if both else a
        end = along(b, ang + 180, 6)
        self.line([start, end])
        self.head(b, ang)
        if both:
            self.head(a, ang + 180)

    def arc_arrow(self, c, r, a0, a1, both=False):
        """An arrow along a circle round c from angle a0 to a1 (the head at a1)."""
        sign = 1 if a1 > a0 else -1
        trim = math.degrees(6 / r)
        s = a0 + sign * trim if both else a0
        e = a1 - sign * trim
        p0, p1 = along(c, s, r), along(c, e, r)
        large = 1 if abs(e - s) > 180 else 0
        sweep = 1 if sign > 0 else 0
        pts = [along(c, s + (e - s) * i / 8, r) for i in range(9)]
        self.path(f"M{f(p0[0])} {f(p0[1])}A{f(r)} {f(r)} 0 {large} {sweep} {f(p1[0])} {f(p1[1])}", pts)
        self.head(along(c, a1, r), a1 + sign * 90)
        if both:
            self.head(along(c, a0, r), a0 - sign * 90)

    # -- the figure -------------------------------------------------------------------------

    def limb(self, root, segs, angles, fill):
        """Draws distal segments first so each joint shows the rounded end of the segment above it."""
        pts = [root]
        for (length, _, _), ang in zip(segs, angles):
            pts.append(along(pts[-1], ang, length))
        for i in reversed(range(len(segs))):
            _, ra, rb = segs[i]
            self.capsule(pts[i], pts[i + 1], ra, rb, fill)
        return pts

    def figure(self, hip, torso, head=None, face=None, near_leg=(90, 90, 0), far_leg=(90, 90, 0),
               near_arm=(90, 90, 90), far_arm=(90, 90, 90)):
        """A person: hip is the centre of the pelvis, torso the direction from it to the shoulders;
        each limb is a tuple of segment angles (thigh, shin, foot) or (upper arm, forearm, hand).
        The nose shows which way the face looks (by default, square to the neck)."""
        head = torso if head is None else head
        shoulder = along(hip, torso, TORSO[0])
        head_c = along(shoulder, head, NECK)
        legs = (THIGH, SHIN, FOOT)
        arms = (UPPER_ARM, FOREARM, HAND)
        if far_arm:
            self.limb(shoulder, arms, far_arm, FAR)
        if far_leg:
            self.limb(hip, legs, far_leg, FAR)
        self.capsule(hip, shoulder, TORSO[1], TORSO[2], SKIN)
        self.capsule(shoulder, head_c, 4, 4, SKIN)
        face = head + 90 if face is None else face
        tip, l, r = along(head_c, face, HEAD_R + 3.5), along(head_c, face - 28, HEAD_R - 1), along(head_c, face + 28, HEAD_R - 1)
        self.add(f'<path d="M{f(l[0])} {f(l[1])}L{f(tip[0])} {f(tip[1])}L{f(r[0])} {f(r[1])}Z" fill="{SKIN}" stroke="{INK}"/>',
                 [(tip[0], tip[1], 1.5)])
        self.circle(head_c, HEAD_R, SKIN)
        leg = self.limb(hip, legs, near_leg, SKIN) if near_leg else None
        arm = self.limb(shoulder, arms, near_arm, SKIN) if near_arm else None
        return {"shoulder": shoulder, "head": head_c, "leg": leg, "arm": arm}

    def reach(self, shoulder, target, bend, hand=None):
        """Arm angles that put the wrist on target, the hand continuing the forearm unless told."""
        upper, fore = ik(shoulder, target, UPPER_ARM[0], FOREARM[0], bend)
        return upper, fore, fore if hand is None else hand

    # -- output -----------------------------------------------------------------------------

    def write(self, name, floor=True, centre=True):
        xs = [x - r for _, pts in self.items for x, _, r in pts] + [x + r for _, pts in self.items for x, _, r in pts]
        ys = [y - r for _, pts in self.items for _, y, r in pts] + [y + r for _, pts in self.items for _, y, r in pts]
        dx = round((W - (max(xs) + min(xs))) / 2, 1) if centre else 0
        lo, hi = min(xs) + dx, max(xs) + dx
        if lo < 4 or hi > W - 4 or min(ys) < 3 or max(ys) > H - 3:
            print(f"{name}: drawing reaches the edge: x {lo:.0f}..{hi:.0f}, y {min(ys):.0f}..{max(ys):.0f}")
        body = "".join(t for t, _ in self.items)
        floor_line = (f'<path d="M8 {FLOOR + 1.5}H{W - 8}" stroke="{GHOST}"/>' if floor else "")
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">'
               f'<g fill="none" stroke-width="{STROKE}" stroke-linecap="round" stroke-linejoin="round">'
               f'{floor_line}<g transform="translate({f(dx)} 0)">{body}</g></g></svg>\n')
        with open(os.path.join(OUT, name + ".svg"), "w", encoding="utf-8") as fh:
            fh.write(svg)



# ------------------------------------------------------------------------------------- props

MAT = 5


def mat(s, x0, x1):
    s.rect(x0, FLOOR - MAT, x1 - x0, MAT, rx=2.5)
    return FLOOR - MAT


def chair(s, x_back, x_front):
    """A side-view chair, its back on the left: the person sits facing right."""
    s.line([(x_back, SEAT), (x_front, SEAT)])
    s.line([(x_back + 3, SEAT), (x_back + 3, FLOOR)])
    s.line([(x_front - 3, SEAT), (x_front - 3, FLOOR)])
    s.line([(x_back, SEAT), (x_back - 4, SEAT - 56)])


def snowflake(s, c, r):
    for a in (90, 30, -30):
        s.line([along(c, a, r), along(c, a + 180, r)])


def heat_waves(s, x, y, n=3, gap=9, h=18):
    for i in range(n):
        x0 = x + i * gap
        s.path(f"M{f(x0)} {f(y)}c-4 -4 4 -{f(h / 3)} 0 -{f(h / 2)}s4 -{f(h / 3)} 0 -{f(h / 2)}",
               [(x0 - 3, y), (x0 + 3, y - h)])


def pack(s, c, w=30, h=8):
    """A flat pack (heat or ice) lying on a body part."""
    s.rect(c[0] - w / 2, c[1] - h / 2, w, h, rx=3.5)


def clock(s, c, r):
    s.circle(c, r, PROP, ACCENT)
    s.line([c, (c[0], c[1] - r * 0.6)])
    s.line([c, (c[0] + r * 0.45, c[1])])


def pause_sign(s, c, r):
    s.circle(c, r, PROP, ACCENT)
    s.line([(c[0] - 4, c[1] - 6), (c[0] - 4, c[1] + 6)])
    s.line([(c[0] + 4, c[1] - 6), (c[0] + 4, c[1] + 6)])


def tube(s, x, y):
    """A tube of cream standing on its cap."""
    s.add(f'<path d="M{f(x - 8)} {f(y - 34)}H{f(x + 8)}L{f(x + 5)} {f(y - 8)}H{f(x - 5)}Z" fill="{PROP}" stroke="{ACCENT}"/>',
          [(x - 8, y - 34, 2), (x + 8, y - 8, 2)])
    s.rect(x - 4, y - 8, 8, 8, rx=1.5)


def jar(s, x, y):
    s.rect(x - 12, y - 22, 24, 22, rx=4)
    s.rect(x - 13, y - 29, 26, 7, rx=2)


# ------------------------------------------------------------------------------------- poses

def prone(s, g, hip_x, near_leg=(0, 0, 12)):
    """Lying face down, head to the left resting on the folded arms, legs to the right."""
    hip = (hip_x, g - 8)
    arm = (170, -3, -3)
    fig = s.figure(hip, 180, head=208, face=128, near_leg=near_leg, far_leg=(0, 0, 12), near_arm=arm, far_arm=arm)
    return hip, fig


def walking(s, x, brisk=True):
    if brisk:
        return s.figure((x, FLOOR - 67), -84, head=-82, near_leg=(62, 80, -10), far_leg=(112, 130, 40),
                        near_arm=(124, 104, 104), far_arm=(58, 22, 22))
    return s.figure((x, FLOOR - 71), -89, head=-86, near_leg=(76, 88, 0), far_leg=(104, 112, 20),
                    near_arm=(98, 88, 88), far_arm=(82, 76, 76))


def cold_or_heat(name, kind):
    s = Svg()
    g = mat(s, 24, 216)
    hip, fig = prone(s, g, 110)
    knee = fig["leg"][1]
    mid = ((hip[0] + knee[0]) / 2, hip[1] - 11)
    pack(s, mid)
    if kind == "cold":
        snowflake(s, (mid[0], mid[1] - 24), 10)
    elif kind == "heat":
        heat_waves(s, mid[0] - 9, mid[1] - 10)
    else:
        # heat, then cold, round and round
        c = (mid[0], mid[1] - 42)
        heat_waves(s, c[0] - 34, c[1] + 10, h=20)
        snowflake(s, (c[0] + 30, c[1]), 9)
        s.arc_arrow(c, 21, -150, -40)
        s.arc_arrow(c, 21, 30, 140)
    s.write(name)


def hamstring_supine_strap():
    s = Svg()
    g = mat(s, 20, 220)
    hip = (118, g - 9)
    shoulder = along(hip, 180.5, TORSO[0])
    arm = s.reach(shoulder, (shoulder[0] + 20, shoulder[1] - 40), 1)
    fig = s.figure(hip, 180.5, head=181, near_leg=(-72, -72, -165), far_leg=(0, 0, -88), near_arm=arm, far_arm=arm)
    ankle, toe = fig["leg"][2], fig["leg"][3]
    wrist = fig["arm"][2]
    # the strap runs from the hands round the sole of the raised foot
    s.line([wrist, along(ankle, -72, 5), along(toe, -72, 4), wrist])
    s.arc_arrow(hip, 90, -36, -68)
    s.write("hamstring-stretch-supine-strap")


def hamstring_seated():
    s = Svg()
    chair(s, 40, 86)
    hip = (80, SITTING)
    near = ik(hip, (146, FLOOR - 3.8), THIGH[0], SHIN[0], -1)
    far = ik(hip, (104, FLOOR - 3.8), THIGH[0], SHIN[0], -1)
    torso = -58
    shoulder = along(hip, torso, TORSO[0])
    arm = s.reach(shoulder, along(along(hip, near[0], 28), near[0] - 90, 7), -1, near[0])
    s.figure(hip, torso, head=-50, near_leg=(near[0], near[1], -78), far_leg=(far[0], far[1], 0), near_arm=arm, far_arm=arm)
    s.arc_arrow(hip, 72, -98, -66)
    s.write("hamstring-stretch-seated")


def hamstring_standing():
    s = Svg()
    s.rect(128, FLOOR - 28, 50, 28, rx=3)
    hip = (86, FLOOR - 72)
    raised = ik(hip, (141, FLOOR - 28 - 3.8), THIGH[0], SHIN[0], 1)
    torso = -42
    shoulder = along(hip, torso, TORSO[0])
    arm = s.reach(shoulder, along(along(hip, raised[0], 28), raised[0] - 90, 7), -1, raised[0])
    s.figure(hip, torso, head=-36, near_leg=(raised[0], raised[1], -80), far_leg=(90, 90, 0), near_arm=arm, far_arm=arm)
    s.arc_arrow(hip, 66, -104, -64)
    s.write("hamstring-stretch-standing")


def blood_flow():
    s = Svg()
    g = mat(s, 24, 216)
    hip, fig = prone(s, g, 104, near_leg=(0, -80, 10))
    s.arc_arrow(fig["leg"][1], 44, -12, -74, both=True)
    s.write("blood-flow-exercise")


def aerobic():
    s = Svg()
    walking(s, 120)
    for i, y in enumerate((46, 60, 74)):
        s.line([(64 - i * 4, FLOOR - y), (84 - i * 4, FLOOR - y)])
    s.write("aerobic-exercise")


def movement_breaks():
    s = Svg()
    chair(s, 28, 70)
    walking(s, 150)
    a, c, b = (66, SEAT - 12), (84, SEAT - 68), (118, SEAT - 60)
    s.path(f"M{a[0]} {a[1]}Q{c[0]} {c[1]} {b[0] - 6} {b[1] + 1}", [a, b, (84, SEAT - 50)])
    s.head(b, 10)
    clock(s, (44, 34), 13)
    s.write("movement-breaks")


def yoga():
    s = Svg()
    g = mat(s, 40, 200)
    hand = (160, g - 3)
    ankle = (74, g - 3.8)
    base = math.dist(hand, ankle)
    reach = ARM + TORSO[0]
    cos_a = (LEG ** 2 + base ** 2 - reach ** 2) / (2 * LEG * base)
    hip = along(ankle, angle_of(ankle, hand) - math.degrees(math.acos(cos_a)), LEG)
    torso = angle_of(hip, hand)
    leg = angle_of(hip, ankle)
    s.figure(hip, torso, head=torso + 26, near_leg=(leg, leg, 0), far_leg=(leg - 2, leg - 2, 0),
             near_arm=(torso, torso, 0), far_arm=(torso + 2, torso + 2, 0))
    s.arrow(along(hip, -118, 16), along(hip, -118, 42))
    s.write("yoga-flexibility")


def posture():
    s = Svg()
    chair(s, 64, 110)
    hip = (100, SITTING)
    shoulder = along(hip, -90, TORSO[0])
    arm = s.reach(shoulder, (hip[0] + 24, hip[1] - 9), -1, 8)
    fig = s.figure(hip, -90, near_leg=(0, 90, 0), far_leg=(-2, 90, 0), near_arm=arm, far_arm=arm)
    head = fig["head"]
    s.line([(hip[0], head[1] - HEAD_R - 8), (hip[0], hip[1])], dash="2 7")
    s.arrow((head[0] + 36, head[1] + 3), (head[0] + 18, head[1] + 3))
    s.arrow((shoulder[0] - 18, shoulder[1] + 8), (shoulder[0] - 32, shoulder[1] + 8))
    s.write("posture-correction")


def self_massage():
    s = Svg()
    chair(s, 40, 86)
    s.rect(146, FLOOR - 26, 38, 26, rx=3)
    hip = (80, SITTING)
    leg = ik(hip, (156, FLOOR - 30), THIGH[0], SHIN[0], -1)
    torso = -74
    shoulder = along(hip, torso, TORSO[0])
    grip = lambda at: along(along(hip, leg[0], at), leg[0] - 90, 5)
    s.figure(hip, torso, head=-64, near_leg=(leg[0], leg[1], -70), far_leg=(leg[0] - 2, leg[1] - 2, -72),
             near_arm=s.reach(shoulder, grip(30), -1, leg[0] + 90), far_arm=s.reach(shoulder, grip(16), -1, leg[0] + 90))
    under = along(hip, leg[0] + 90, 17)
    s.arrow(along(under, leg[0], 40), along(under, leg[0], 8))
    s.write("self-massage")


def ball_release():
    s = Svg()
    ball = (118, FLOOR - 7)
    hip = (88, FLOOR - 8.5)
    thigh = angle_of(hip, (ball[0], ball[1] - 7 - 6))
    knee = along(hip, thigh, THIGH[0])
    shin = ik(hip, (knee[0] + math.sqrt(SHIN[0] ** 2 - (FLOOR - 3.8 - knee[1]) ** 2), FLOOR - 3.8), THIGH[0], SHIN[0], -1)
    torso = -125
    shoulder = along(hip, torso, TORSO[0])
    arm = s.reach(shoulder, (hip[0] - 40, FLOOR - 4), 1, 180)
    s.figure(hip, torso, head=-108, near_leg=(shin[0], shin[1], -70), far_leg=(2, 2, -80), near_arm=arm, far_arm=arm)
    s.circle(ball, 7, PROP, ACCENT)
    s.arrow((ball[0], ball[1] - 56), (ball[0], ball[1] - 28))
    s.write("ball-trigger-point-release")


def muscle_rub(name, container):
    s = Svg()
    chair(s, 34, 80)
    hip = (74, SITTING)
    near = ik(hip, (112, FLOOR - 3.8), THIGH[0], SHIN[0], -1)
    far = ik(hip, (116, FLOOR - 3.8), THIGH[0], SHIN[0], -1)
    torso = -80
    shoulder = along(hip, torso, TORSO[0])
    rub = along(along(hip, near[0], 20), near[0] - 90, 9)
    arm = s.reach(shoulder, rub, -1)
    s.figure(hip, torso, head=-76, near_leg=(near[0], near[1], 0), far_leg=(far[0], far[1], 0),
             near_arm=(arm[0], arm[1], arm[1] + 10), far_arm=s.reach(shoulder, along(along(hip, far[0], 26), far[0] - 90, 8), -1))
    s.arc_arrow(along(along(rub, near[0] - 90, 11), near[0], 13), 8, -200, 70)
    if container == "tube":
        tube(s, 156, FLOOR)
    elif container == "warm-tube":
        tube(s, 156, FLOOR)
        heat_waves(s, 148, FLOOR - 40, h=16, gap=8)
    else:
        jar(s, 156, FLOOR)
    s.write(name)


def rest():
    s = Svg()
    walking(s, 112, brisk=False)
    pause_sign(s, (170, 44), 16)
    s.write("rest")


def load_management():
    s = Svg()
    walking(s, 62)
    for i in range(5):
        h = 22 + i * 9
        s.rect(120 + i * 20, FLOOR - h, 13, h, rx=2)
    s.arrow((122, FLOOR - 50), (206, FLOOR - 94))
    s.write("load-management")


def glute_bridge():
    s = Svg()
    g = mat(s, 20, 220)
    shoulder = (70, g - 10)
    knee_y = g - 3.8 - SHIN[0]
    line = -math.degrees(math.asin((shoulder[1] - knee_y) / (TORSO[0] + THIGH[0])))
    hip = along(shoulder, line, TORSO[0])
    knee = along(hip, line, THIGH[0])
    arm = (8, 3, 0)
    s.figure(hip, line + 180, head=182, near_leg=(line, 90, 0), far_leg=ik(hip, (knee[0] + 5, g - 3.8), THIGH[0], SHIN[0], -1) + (0,),
             near_arm=arm, far_arm=arm)
    s.arrow((hip[0], hip[1] - 18), (hip[0], hip[1] - 46))
    s.write("glute-bridge")


def donkey_kick():
    s = Svg()
    g = mat(s, 20, 220)
    hip = (96, g - THIGH[0] - SHIN[1])
    shoulder_y = g - ARM - 3
    shoulder = (hip[0] + math.sqrt(TORSO[0] ** 2 - (hip[1] - shoulder_y) ** 2), shoulder_y)
    torso = angle_of(hip, shoulder)
    arm = s.reach(shoulder, (shoulder[0] + 2, g - 3), 1, 0)
    s.figure(hip, torso, head=torso + 18, near_leg=(178, -90, 180), far_leg=(90, 180, 180), near_arm=arm, far_arm=arm)
    s.arc_arrow(hip, 48, 140, 176)
    s.write("donkey-kick")


def reverse_plank():
    s = Svg()
    g = mat(s, 20, 220)
    ankle = (186, g - 3.8)
    shoulder_y = g - ARM - 3
    up = 180 + math.degrees(math.asin((ankle[1] - shoulder_y) / (LEG + TORSO[0])))
    hip = along(ankle, up, LEG)
    shoulder = along(hip, up, TORSO[0])
    arm = s.reach(shoulder, (shoulder[0] - 2, g - 3), 1, 0)
    s.figure(hip, up, head=up - 8, near_leg=(up - 180, up - 180, 20), far_leg=(up - 180, up - 180, 20),
             near_arm=arm, far_arm=(arm[0] - 2, arm[1] - 2, 0))
    s.arrow((hip[0], hip[1] - 18), (hip[0], hip[1] - 44))
    s.write("reverse-plank")


def main():
    os.makedirs(OUT, exist_ok=True)
    cold_or_heat("cold-therapy", "cold")
    cold_or_heat("heat-therapy", "heat")
    cold_or_heat("contrast-heat-cold", "both")
    hamstring_supine_strap()
    hamstring_seated()
    hamstring_standing()
    blood_flow()
    aerobic()
    movement_breaks()
    yoga()
    posture()
    self_massage()
    ball_release()
    muscle_rub("muscle-rub-menthol", "tube")
    muscle_rub("muscle-rub-capsaicin", "warm-tube")
    muscle_rub("muscle-rub-camphor", "jar")
    rest()
    load_management()
    glute_bridge()
    donkey_kick()
    reverse_plank()


if __name__ == "__main__":
    main()
