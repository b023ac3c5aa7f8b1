import unittest

from features.windows import SlidingWindow


class SlidingWindowTest(unittest.TestCase):
    def test_counts_sums_and_distinct_labels(self):
        window = SlidingWindow(60)
        for at, amount, label in [(0, 100, "a"), (10, 200, "b"), (20, 300, "a")]:
            window.add(at, amount, label)
        self.assertEqual((window.count, window.total, window.distinct_labels), (3, 600, 2))
        self.assertEqual(window.mean(), 200)

    def test_an_item_exactly_width_old_has_left(self):
        window = SlidingWindow(60)
        window.add(0, 100, "a")
        window.advance(59.9)
        self.assertEqual(window.count, 1)
        window.advance(60)
        self.assertEqual((window.count, window.total, window.distinct_labels), (0, 0, 0))

    def test_items_must_arrive_in_time_order(self):
        window = SlidingWindow(60)
        window.add(10, 100)
        with self.assertRaises(ValueError):
            window.add(5, 100)

    def test_a_window_has_a_width(self):
        with self.assertRaises(ValueError):
            SlidingWindow(0)
