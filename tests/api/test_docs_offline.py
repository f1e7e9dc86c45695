import re


def test_openapi_docs_load_their_assets_from_the_app_not_a_cdn(api):
    page = api.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(url.startswith("/") for url in assets), assets
    for url in assets:
        assert api.get(url).status_code == 200, url
    assert api.get("/openapi.json").json()["info"]["title"] == "orgkg"
