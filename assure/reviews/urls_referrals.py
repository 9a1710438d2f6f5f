"""referrals pages of case reviews."""

urlpatterns: list = []
