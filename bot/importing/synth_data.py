"""Word lists for the synthetic population: names, creditors, area codes, industries.

Names are common ones, not people; creditors are invented. US numbers use the 555-01xx
range reserved for fiction. Chinese mobile prefixes are real (there is no reserved range),
so synthetic zh numbers may belong to someone: never dial them on a real network.
"""

from __future__ import annotations

ZH_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
ZH_GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华建国文辉玲婷鹏飞斌宇浩凯欣怡晨阳睿博佳思雨"
    "梓子轩涵萱俊志红梅兰丹林波宁亮成新春云龙海燕慧琳晓雪瑶嘉诚"
)
ZH_MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 176 177 178 180 181 182 183 184 185 186 187 188 189 198 199"
).split()
ZH_CREDITORS = ("安和银行信用卡中心", "华信消费金融", "民丰小额贷款", "德润汽车金融", "惠民银行")
ZH_CREDITOR_TYPES = {
    "安和银行信用卡中心": ("credit_card",),
    "华信消费金融": ("consumer_finance", "personal_loan"),
    "民丰小额贷款": ("personal_loan", "consumer_finance"),
    "德润汽车金融": ("auto_loan",),
    "惠民银行": ("mortgage", "personal_loan", "credit_card"),
}

EN_FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy "
    "Matthew Betty Anthony Sandra Mark Ashley Donald Kimberly Steven Emily Andrew Donna Paul "
    "Michelle Joshua Carol Kenneth Amanda Kevin Melissa Brian Deborah George Stephanie Jose "
    "Maria Luis Ana Wei Mei Jamal Aisha Tyrone Keisha Dmitri Priya"
).split()
EN_LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen "
    "Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Chen "
    "Patel Kim O'Brien Sullivan Murphy"
).split()
EN_CREDITORS = (
    "Harbor Point Bank",
    "Summit Auto Finance",
    "Lakeside Medical Group",
    "Bright Falls Utilities",
    "Cedar Card Services",
)
EN_CREDITOR_TYPES = {
    "Harbor Point Bank": ("mortgage", "personal_loan", "credit_card"),
    "Summit Auto Finance": ("auto_loan",),
    "Lakeside Medical Group": ("medical",),
    "Bright Falls Utilities": ("utility",),
    "Cedar Card Services": ("credit_card", "consumer_finance"),
}

# state: (weight, economy, area codes)
US_STATES: dict[str, tuple[int, str, tuple[str, ...]]] = {
    "US-CA": (12, "strong", ("213", "310", "415", "408", "619", "916", "510", "714")),
    "US-TX": (9, "average", ("214", "512", "713", "210", "817")),
    "US-FL": (7, "average", ("305", "407", "813", "904", "561")),
    "US-NY": (6, "strong", ("212", "718", "917", "516", "585", "716")),
    "US-MA": (5, "strong", ("617", "508", "781", "978", "413")),
    "US-PA": (4, "average", ("215", "412", "717", "610")),
    "US-IL": (4, "average", ("312", "773", "847", "217")),
    "US-OH": (4, "average", ("216", "614", "513", "330")),
    "US-GA": (3, "average", ("404", "770", "912")),
    "US-NC": (3, "average", ("704", "919", "336")),
    "US-MI": (3, "weak", ("313", "616", "248", "517")),
    "US-NJ": (3, "strong", ("201", "973", "732", "609")),
    "US-VA": (3, "average", ("703", "804", "757")),
    "US-WA": (2, "strong", ("206", "425", "509", "253")),
    "US-AZ": (2, "average", ("602", "480", "520")),
    "US-TN": (2, "average", ("615", "901", "865")),
    "US-IN": (2, "average", ("317", "219", "812")),
    "US-MO": (2, "average", ("314", "816", "417")),
    "US-MD": (2, "strong", ("410", "301", "443")),
    "US-WI": (2, "average", ("414", "608", "920")),
    "US-CO": (2, "strong", ("303", "720", "719")),
    "US-MN": (2, "strong", ("612", "651", "218")),
    "US-SC": (2, "weak", ("803", "843", "864")),
    "US-AL": (1, "weak", ("205", "256", "334")),
    "US-LA": (1, "weak", ("504", "225", "318")),
    "US-KY": (1, "weak", ("502", "859", "606")),
    "US-OR": (1, "average", ("503", "541")),
    "US-OK": (1, "weak", ("405", "918")),
    "US-CT": (1, "strong", ("203", "860")),
    "US-UT": (1, "average", ("801", "435")),
    "US-NV": (1, "average", ("702", "775")),
    "US-MS": (1, "weak", ("601", "662")),
    "US-AR": (1, "weak", ("501", "479")),
    "US-NM": (1, "weak", ("505", "575")),
    "US-WV": (1, "weak", ("304",)),
}

# industry: (weight, zh label used in zh files)
INDUSTRIES: dict[str, tuple[int, str]] = {
    "government": (5, "政府"),
    "education": (7, "教育"),
    "healthcare": (8, "医疗"),
    "finance": (6, "金融"),
    "technology": (9, "信息技术"),
    "manufacturing": (15, "制造业"),
    "transport": (8, "交通运输"),
    "retail": (14, "零售"),
    "agriculture": (6, "农业"),
    "construction": (10, "建筑业"),
    "hospitality": (12, "餐饮"),
}
