"""The evidence an order gives for a dispute, in the API's field names (API.md)."""

from __future__ import annotations

from orders import Order


def evidence_for(order: Order) -> dict[str, str]:
    evidence = {
        "customer_email_address": order.customer_email,
        "product_description": order.product_description,
    }
    if order.shipping is not None:
        evidence["shipping_carrier"] = order.shipping.carrier
        evidence["shipping_tracking_number"] = order.shipping.tracking_number
        evidence["shipping_date"] = order.shipping.shipped_on
    return evidence
