"""What several test modules share, and the bench too: example inputs, the assessment form as a
browser posts it, the URL walk, the handout snapshot and the load-test machinery.

A test module (`test_*.py`) is never imported by another module; what two of them need lives
here (`tests/test_architecture.py` checks this).
"""
