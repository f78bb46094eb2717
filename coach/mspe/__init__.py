"""The MSPE (dean's letter) reader: dates, fact mentions, facts with slots, and the comparison with a draft."""
