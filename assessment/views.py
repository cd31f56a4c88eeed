from django.shortcuts import render

from osteoactive.access import physiotherapist_required


@physiotherapist_required
def patient_list(request):
    return render(request, "assessment/patient_list.html", {})
