"""Word lists for demo households: names, places, certificates (a Changsha old-district flavour)."""

from __future__ import annotations

# Common surnames with rough frequency weights (per mille), most common first.
SURNAMES = (
    ("王", 72), ("李", 72), ("张", 69), ("刘", 54), ("陈", 54), ("杨", 31), ("黄", 23), ("赵", 22), ("吴", 21),
    ("周", 20), ("徐", 16), ("孙", 15), ("马", 13), ("朱", 12), ("胡", 12), ("郭", 11), ("何", 11), ("高", 10),
    ("林", 10), ("罗", 10), ("郑", 9), ("梁", 8), ("谢", 8), ("宋", 7), ("唐", 7), ("许", 6), ("韩", 6),
    ("冯", 6), ("邓", 6), ("曹", 6), ("彭", 6), ("曾", 6), ("肖", 5), ("田", 5), ("董", 5), ("袁", 5),
    ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4), ("余", 4), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 4),
    ("魏", 3), ("吕", 3), ("丁", 3), ("任", 3), ("沈", 3), ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3),
    ("钟", 3), ("谭", 3), ("陆", 2), ("汪", 2), ("范", 2), ("金", 2), ("石", 2), ("廖", 2), ("贾", 2),
    ("夏", 2), ("韦", 2), ("欧阳", 1), ("司马", 1),
)

MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆建国志文海峰龙林东立新"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英玲桂兰萍红梅琳燕雪颖慧倩婷晶洁莉琴云凤佳"
NEUTRAL_CHARS = "春晓子一思雨欣安嘉宁永德水金玉"

# Real county-level division codes of Changsha (GB/T 2260): where the residents' IDs come from.
REGION_CODES = ("430102", "430103", "430104", "430105", "430111", "430112", "430121", "430181", "430124",
                "430421", "430523", "431021")

STREETS = ("解放西路", "五一大道", "人民中路", "蔡锷中路", "韭菜园路", "八一路", "浏城桥", "古稻田巷", "三公里巷",
           "营盘路", "东庆街", "豆田巷", "白沙街", "学宫街", "西湖路", "晏家塘", "马王堆路", "南湖路")
DISTRICT = "长沙市芙蓉区"
SECTIONS = ("A1", "A2", "B1", "B2", "C1", "C2")

# Policy codes (the policy prices by them; labels live in the UI and documents)
STRUCTURES = ("brick_concrete", "reinforced_concrete", "brick_wood", "simple")
DECORATION_GRADES = ("simple", "medium", "fine")
PART_LABELS_UNREGISTERED = ("加层", "厢房", "偏房", "阳台搭建", "院内搭建")

FIXTURES = (  # (kind, sub_kind, probability, max count)
    ("water_meter", "main", 0.95, 1), ("water_meter", "sub", 0.2, 2),
    ("electric_meter", "main", 0.97, 1), ("electric_meter", "sub", 0.25, 2),
    ("air_conditioner", "split", 0.8, 4), ("air_conditioner", "cabinet", 0.25, 1),
    ("water_heater", "electric", 0.45, 1), ("water_heater", "gas", 0.35, 1), ("water_heater", "solar", 0.08, 1),
    ("gas", "", 0.55, 1),
)

SURVEY_ITEMS = (  # (code, probability, quantity range, quantity is area?)
    ("shed", 0.18, (4, 30), True), ("loft", 0.1, (6, 25), True), ("stove", 0.25, (1, 2), False),
    ("well", 0.05, (1, 1), False),
)

APPRAISERS = ("湖南恒基房地产土地评估有限公司", "长沙正信房地产评估咨询有限公司", "湖南建业土地房地产评估有限公司")
BUSINESS_KINDS = ("小吃店", "便利店", "理发店", "五金店", "药店", "早餐店", "水果店", "快递代收点", "裁缝店", "茶馆")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
                   "156", "157", "158", "159", "166", "173", "176", "177", "180", "182", "183", "186", "187",
                   "188", "189", "191", "198", "199")
