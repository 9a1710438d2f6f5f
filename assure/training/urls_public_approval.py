"""public_approval"""

urlpatterns: list = []
