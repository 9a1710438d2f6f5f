app_name = "clocks"

urlpatterns: list = []
