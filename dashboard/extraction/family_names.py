"""Family names written first in English-language news: `people.PersonMention.surname`
reads "Xi Jinping" as Xi ("Xi said", "talks with Xi"), "Yoon Suk-yeol" as Yoon. Compiled
by the team from common Chinese, Korean and Vietnamese family names.
"""

# Common Chinese, Korean and Vietnamese family names, which English-language news writes
# first ("Xi Jinping" -> "Xi said", "talks with Xi"). Japanese names are written given name
# first in English, so they are not here.
FAMILY_NAME_FIRST = {
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
    "Sun", "Hu", "Zhu", "Gao", "Lin", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie",
    "Tang", "Feng", "Dong", "Xiao", "Cheng", "Cao", "Yuan", "Deng", "Fu", "Shen", "Zeng",
    "Peng", "Su", "Jiang", "Cai", "Jia", "Ding", "Wei", "Ye", "Yan", "Pan", "Du", "Dai", "Xia",
    "Zhong", "Tian", "Ren", "Fan", "Fang", "Shi", "Yao", "Tan", "Liao", "Qin", "Wen", "Kim",
    "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Moon", "Nguyen",
    "Tran", "Pham", "Hoang", "Vo", "Vu", "Dang", "Bui", "Ngo", "Duong", "Ly",
}
