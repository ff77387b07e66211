# British order for the English pages ("5 December 2026"), as gov.uk writes dates; Django's
# own English formats are American ("Dec. 5, 2026").
DATE_FORMAT = "j F Y"
