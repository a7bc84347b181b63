"""The Streamlit shell over `gevinst.assistant`. Nothing imports this package."""
