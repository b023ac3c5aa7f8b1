# %% [markdown]
# # ${title}
#
# > ${prompt}
#
# This starter loads the data and writes an empty `predictions.csv`. Replace
# the middle with your work; README.md says what to hand in.

# %%
from pathlib import Path

import pandas as pd

# This folder, whether you run the script or open it as a notebook.
ROUND = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()
train = pd.read_csv(ROUND / "train.csv")
holdout = pd.read_csv(ROUND / "holdout.csv")
print(f"train: {train.shape[0]:,} rows x {train.shape[1]} columns; holdout: {len(holdout):,} rows")
train.head()

# %% [markdown]
# ## Your work

# %%
predictions = pd.DataFrame({"${id_column}": [], "${prediction}": []})

# %%
predictions.to_csv(ROUND / "predictions.csv", index=False)
print(f"wrote {len(predictions):,} predictions to {ROUND / 'predictions.csv'}")
