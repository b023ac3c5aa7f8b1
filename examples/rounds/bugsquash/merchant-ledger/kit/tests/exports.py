"""Small balance exports for tests, written as the processor writes them."""

HEADER = "id,type,source,created,amount,fee,net,currency,card_country,description"


def export(*rows: str) -> list[str]:
    """The lines of an export with these rows under the header."""
    return [HEADER, *rows]


def charge(
    number: int, amount: str, fee: str, net: str, *, country: str = "US", day: int = 4
) -> str:
    return (
        f"txn_{number:05d},charge,ch_{number:05d},2024-03-{day:02d}T10:00:{number % 60:02d}Z,"
        f"{amount},{fee},{net},usd,{country},"
    )
