"""Issues #5 and #11: job titles as people type them -> the occupation, level and how.

Every row is a title as it appears in job postings or is typed at a prompt, and what salarycli
answers: the role, the level a word or code in the title sets, and how it matched (soc, exact,
alias, title, parsed, fuzzy). AMBIGUOUS: refused with the candidates and their pay; None:
refused as unknown. The answers follow O*NET 27.0 and the rules of README, "How a title is
resolved"; where O*NET's answer is arguable the row says so.
"""

from __future__ import annotations

import json

import pytest

from salarycli.errors import AmbiguousRole, UnknownRole
from salarycli.resolve.titles import RoleIndex
from salarycli.session import Session
from tests.conftest import run

AMBIGUOUS = "AMBIGUOUS"


@pytest.fixture(scope="module")
def index() -> RoleIndex:
    return Session().role_index()


# typed title, role found (AMBIGUOUS or None: refused), level the title sets, how it matched
TITLES = [
    ("SWE", "Software Developers", None, "alias"),
    ("SDE", "Software Developers", None, "alias"),
    ("MLE", "Machine Learning Engineer", None, "alias"),
    ("RN", "Registered Nurses", None, "title"),
    ("LPN", "Licensed Practical and Licensed Vocational Nurses", None, "title"),
    ("CPA", "Accountants and Auditors", None, "title"),
    ("PM", "AMBIGUOUS", None, None),
    ("QA", "Software Quality Assurance Analysts and Testers", None, "alias"),
    ("SRE", "Software Developers", None, "alias"),
    ("DBA", "Database Administrators", None, "title"),
    ("UX", "Web and Digital Interface Designers", None, "alias"),
    ("HR", "Human Resources Specialists", None, "alias"),
    ("CNA", "Nursing Assistants", None, "alias"),
    ("EMT", "Emergency Medical Technicians", None, "title"),
    ("NP", "Nurse Practitioners", None, "title"),
    ("CEO", "Chief Executives", None, "title"),
    ("CFO", "Chief Executives", None, "title"),
    ("CTO", "Computer and Information Systems Managers", None, "alias"),
    ("PA-C", "Physician Assistants", None, "alias"),
    ("OB/GYN", "Obstetricians and Gynecologists", None, "title"),
    ("CDL Driver", "Heavy and Tractor-Trailer Truck Drivers", None, "title"),
    ("Software Engineer", "Software Developers", None, "title"),
    ("software engineers", "Software Developers", None, "title"),
    ("Full Stack Developer", "Software Developers", None, "alias"),
    ("front-end developer", "Web Developers", None, "alias"),
    ("data scientist", "Data Scientists", None, "exact"),
    ("ML engineer", "Machine Learning Engineer", None, "alias"),
    ("ml-engineer", "Machine Learning Engineer", None, "alias"),
    ("Data Engineer", "Database Architects", None, "alias"),
    ("Penetration Tester", "Computer Occupations, All Other", None, "title"),
    ("Help Desk Technician", "Computer User Support Specialists", None, "alias"),
    ("Network Engineer", "Computer Network Architects", None, "alias"),
    ("UX/UI Designer", "Web and Digital Interface Designers", None, "alias"),
    ("Statistician", "Statisticians", None, "exact"),
    ("Senior Software Engineer", "Software Developers", "Senior", "parsed"),
    ("Sr. Software Engineer", "Software Developers", "Senior", "parsed"),
    ("SWE II", "Software Developers", "Mid Level", "parsed"),
    ("Software Engineer III", "Software Developers", "Experienced", "parsed"),
    ("Software Engineer IV", "Software Developers", "Senior", "parsed"),
    ("Junior Software Developer", "Software Developers", "Entry Level", "parsed"),
    ("Junior Developer", "Software Developers", "Entry Level", "parsed"),
    ("Jr Web Developer", "Web Developers", "Entry Level", "parsed"),
    ("Associate Data Scientist", "Data Scientists", "Entry Level", "parsed"),
    ("Entry Level Accountant", "Accountants and Auditors", "Entry Level", "parsed"),
    ("entry-level accountant", "Accountants and Auditors", "Entry Level", "parsed"),
    ("Mid-Level Data Analyst Statistician", "Statisticians", "Mid Level", "partial"),
    ("Lead Data Scientist", "Data Scientists", "Senior", "parsed"),
    ("Staff Software Engineer", "Software Developers", "Senior", "parsed"),
    ("Principal Software Engineer", "Software Developers", "Veteran", "parsed"),
    ("Distinguished Engineer Software Engineer", "Software Developers", "Veteran", "parsed"),
    ("Senior Civil Engineer", "Civil Engineer", "Senior", "parsed"),
    ("Junior Chemical Engineer", "Chemical Engineer", "Entry Level", "parsed"),
    ("Sr Electrical Engineer", "Electrical Engineer", "Senior", "parsed"),
    ("Senior ML Engineer", "Machine Learning Engineer", "Senior", "parsed"),
    ("Senior RN", "Registered Nurses", "Senior", "parsed"),
    ("Lead Carpenter", "Carpenters", "Senior", "parsed"),
    ("Senior Accountant", "Accountants and Auditors", "Senior", "parsed"),
    ("Accountant I", "Accountants and Auditors", "Entry Level", "parsed"),
    ("Accountant II", "Accountants and Auditors", "Mid Level", "parsed"),
    ("Mid Software Engineer", "Software Developers", "Mid Level", "parsed"),
    ("Staff Nurse", "Registered Nurses", None, "title"),
    ("Staff Accountant", "Accountants and Auditors", None, "title"),
    ("Sales Associate", "Retail Salespersons", None, "title"),
    ("Principal", "Education Administrators, Kindergarten through Secondary", None, "title"),
    ("Associate Attorney", "Lawyers", None, "alias"),
    ("Registered Nurse", "Registered Nurses", None, "exact"),
    ("Civil Engineers", "Civil Engineer", None, "exact"),
    ("  CIVIL   ENGINEER  ", "Civil Engineer", None, "exact"),
    ("Chief Executive", "Chief Executives", None, "exact"),
    ("Lawyer", "Lawyers", None, "exact"),
    ("Dentist, General", "Dentists, General", None, "exact"),
    ("Dentists General", "Dentists, General", None, "exact"),
    ("Paralegals & Legal Assistants", "Paralegals and Legal Assistants", None, "exact"),
    (
        "Heavy and Tractor-Trailer Truck Driver",
        "Heavy and Tractor-Trailer Truck Drivers",
        None,
        "exact",
    ),
    ("Machine Learning Engineer", "Machine Learning Engineer", None, "exact"),
    ("17-2051", "Civil Engineer", None, "soc"),
    ("172051", "Civil Engineer", None, "soc"),
    ("15-1252", "Software Developers", None, "soc"),
    ("29-1141", "Registered Nurses", None, "soc"),
    ("Nurse Practitioner", "Nurse Practitioners", None, "exact"),
    ("Physical Therapist", "Physical Therapists", None, "exact"),
    ("Pharmacy Tech", "Pharmacy Technicians", None, "alias"),
    ("Vet Tech", "Veterinary Technologists and Technicians", None, "alias"),
    ("Family Doctor", "Family Medicine Physicians", None, "alias"),
    ("Financial Analyst", "Financial and Investment Analysts", None, "title"),
    ("Bookkeeper", "Bookkeeping, Accounting, and Auditing Clerks", None, "title"),
    ("Bank Teller", "Tellers", None, "title"),
    (
        "High School Teacher",
        "Secondary School Teachers, Except Special and Career/Technical Education",
        None,
        "title",
    ),
    ("Elementary Teacher", "Elementary School Teachers, Except Special Education", None, "title"),
    ("Electrician", "Electricians", None, "exact"),
    ("Plumber", "Plumbers, Pipefitters, and Steamfitters", None, "title"),
    (
        "HVAC Tech",
        "Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
        None,
        "alias",
    ),
    ("Welder", "Welders, Cutters, Solderers, and Brazers", None, "title"),
    ("Truck Driver", "Heavy and Tractor-Trailer Truck Drivers", None, "title"),
    ("Forklift Operator", "Industrial Truck and Tractor Operators", None, "title"),
    ("Uber Driver", "Taxi Drivers", None, "alias"),
    ("Barista", "Fast Food and Counter Workers", None, "title"),
    ("Line Cook", "Cooks, Restaurant", None, "title"),
    ("Waitress", "Waiters and Waitresses", None, "title"),
    ("Housekeeper", "Maids and Housekeeping Cleaners", None, "title"),
    ("Attorney", "Lawyers", None, "title"),
    ("Paralegal", "Paralegals and Legal Assistants", None, "title"),
    ("Police Officer", "Police and Sheriff's Patrol Officers", None, "title"),
    ("Firefighter", "Firefighters", None, "exact"),
    ("LCSW", "Mental Health and Substance Abuse Social Workers", None, "alias"),
    ("Recruiter", "Human Resources Specialists", None, "title"),
    ("Marketing Manager", "Marketing Managers", None, "exact"),
    ("Real Estate Agent", "Real Estate Sales Agents", None, "title"),
    ("Chemist", "Chemists", None, "exact"),
    ("Economist", "Economists", None, "exact"),
    (
        "Executive Assistant",
        "Executive Secretaries and Executive Administrative Assistants",
        None,
        "title",
    ),
    ("Customer Service Rep", "Customer Service Representatives", None, "parsed"),
    ("Pastor", "Clergy", None, "title"),
    ("Sofware Engineer", "Software Developers", None, "fuzzy"),
    ("Registerd Nurse", "Registered Nurses", None, "fuzzy"),
    ("Machine Lerning Engineer", "Machine Learning Engineer", None, "fuzzy"),
    ("Acountant", "Accountants and Auditors", None, "fuzzy"),
    ("Senior Sofware Engineer", "Software Developers", "Senior", "fuzzy"),
    ("Electrcian", "Electricians", None, "fuzzy"),
    ("Engineer", "AMBIGUOUS", None, None),
    ("Manager", "AMBIGUOUS", None, None),  # a bare word (data/title_bare_words.csv)
    ("Analyst", "AMBIGUOUS", None, None),
    ("Teacher", "AMBIGUOUS", None, None),
    ("Consultant", "AMBIGUOUS", None, None),
    ("Specialist", "AMBIGUOUS", None, None),
    ("Technician", "AMBIGUOUS", None, None),
    ("Senior", None, None, None),
    ("Chief Vibes Officer", None, None, None),
    ("DevOps Engineer", "Software Developers", None, "title"),
    ("Product Manager", "Marketing Managers", None, "title"),
    ("Data Analyst", "Data Scientists", None, "title"),
    ("Solutions Architect", "AMBIGUOUS", None, None),
    ("Cloud Architect", "Computer Occupations, All Other", None, "title"),
    ("Tech Lead", "Software Developers", None, "alias"),
    ("Principal Engineer", "AMBIGUOUS", None, None),
    ("Senior Staff Engineer", "AMBIGUOUS", None, None),
    ("Software Engineer 2", "Software Developers", "Mid Level", "parsed"),
    ("SWE 2", "Software Developers", "Mid Level", "parsed"),
    ("L5", None, None, None),
    ("cook", "Cooks, Restaurant", None, "title"),
    ("banker", "Securities, Commodities, and Financial Services Sales Agents", None, "title"),
    ("porter", "Baggage Porters and Bellhops", None, "title"),
    ("Night Manager", "Lodging Managers", None, "title"),
    (
        "Benefits Administrator",
        "Compensation, Benefits, and Job Analysis Specialists",
        None,
        "title",
    ),
    ("nursery manager", "Farmers, Ranchers, and Other Agricultural Managers", None, "title"),
    ("Branch Manager", "AMBIGUOUS", None, None),
    ("Director of Engineering", "Architectural and Engineering Managers", None, "alias"),
    ("Engineering Director", "Architectural and Engineering Managers", None, "title"),
    ("Frontend Engineer", "Web Developers", None, "alias"),
    ("Frontend Developer", "Web Developers", None, "alias"),
    ("doctor", "AMBIGUOUS", None, None),
    ("tech lead", "Software Developers", None, "alias"),
    ("Account Manager", "AMBIGUOUS", None, None),
    ("Sr. DevOps Engineer II (AWS) - Remote", "Software Developers", "Mid Level", "parsed"),
    ("Registered Nurse, BSN - ICU Nights", "Registered Nurses", None, "parsed"),
    ("Registered Nurse (ICU)", "Registered Nurses", None, "parsed"),
    ("Software Engineer (Python)", "Software Developers", None, "alias"),  # employers' title
    ("Senior Software Engineer, Backend (Python)", "Software Developers", "Senior", "parsed"),
    ("Software Engineer - Remote", "Software Developers", None, "parsed"),
    ("RN, BSN", "Registered Nurses", None, "parsed"),
    ("Accountant, CPA", "Accountants and Auditors", None, "parsed"),
    ("Nurse - 2nd shift", "Registered Nurses", None, "parsed"),
    ("Cook, Nights", "Cooks, Restaurant", None, "parsed"),
    ("Manager, Software Engineering", "Computer and Information Systems Managers", None, "parsed"),
    ("Director, Product Management", "Marketing Managers", None, "parsed"),
    ("Engineer, Software", "Software Developers", None, "alias"),
    ("Software Engineer L5", "Software Developers", "Experienced", "parsed"),
    ("Software Engineer E5", "Software Developers", "Experienced", "parsed"),
    ("IC4 Software Engineer", "Software Developers", "Senior", "parsed"),
    ("SDE2", "Software Developers", "Mid Level", "parsed"),
    ("SDE II", "Software Developers", "Mid Level", "parsed"),
    ("SDE 3", "Software Developers", "Experienced", "parsed"),
    ("Software Engineer, Level 3", "Software Developers", "Experienced", "parsed"),
    ("Level 2 Accountant", "Accountants and Auditors", "Mid Level", "parsed"),
    ("Accountant Level 1", "Accountants and Auditors", "Entry Level", "parsed"),
    ("Software Engineer V", "Software Developers", "Veteran", "parsed"),
    ("L3 Software Engineer", "Software Developers", "Entry Level", "parsed"),
    ("E7 Software Engineer", "Software Developers", "Veteran", "parsed"),
    ("Senior PM", "AMBIGUOUS", None, None),
    ("Technical Program Manager", "Project Management Specialists", None, "alias"),
    ("TPM", "Project Management Specialists", None, "alias"),
    ("APM", "Marketing Managers", "Entry Level", "parsed"),
    ("SDET", "Software Quality Assurance Analysts and Testers", None, "alias"),
    ("UX Designer", "Web and Digital Interface Designers", None, "alias"),
    ("UI Designer", "Web and Digital Interface Designers", None, "alias"),
    ("BI Analyst", "Data Scientists", None, "parsed"),
    ("HRBP", "Human Resources Specialists", None, "alias"),
    (
        "SDR",
        "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products",
        None,
        "alias",
    ),
    (
        "BDR",
        "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products",
        None,
        "alias",
    ),
    ("AE", "AMBIGUOUS", None, None),
    ("CRNA", "Nurse Anesthetists", None, "title"),
    ("CPhT", "Pharmacy Technicians", None, "title"),
    ("HHA", "Home Health and Personal Care Aides", None, "title"),
    (
        "HVAC",
        "Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
        None,
        "alias",
    ),
    (
        "HVAC Technician",
        "Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
        None,
        "alias",
    ),
    ("CDL-A Driver", "Heavy and Tractor-Trailer Truck Drivers", None, "alias"),
    ("CDL-A Truck Driver", "Heavy and Tractor-Trailer Truck Drivers", None, "title"),
    ("Emergency Medical Technician", "Emergency Medical Technicians", None, "exact"),
    ("Infantry Officer", None, None, None),
    ("Legislator", None, None, None),
    ("Special Forces Officer", None, None, None),
    ("Intern", None, None, None),
    ("Level 3", None, None, None),
    ("Staff", None, None, None),
    ("Associate", None, None, None),
    ("E5", None, None, None),
    ("IC4", None, None, None),
    ("nurce", "Registered Nurses", None, "fuzzy"),
    ("registerd nurse", "Registered Nurses", None, "fuzzy"),
    ("sofware engineer", "Software Developers", None, "fuzzy"),
    ("Pharmasist", "Pharmacists", None, "fuzzy"),
    ("Carpentar", "Carpenters", None, "fuzzy"),
    ("Veterinarain", "Veterinarians", None, "fuzzy"),
    ("Electrcian II", "Electricians", "Mid Level", "fuzzy"),
    ("xyzzy", None, None, None),
    ("quantum plumber", "Plumbers, Pipefitters, and Steamfitters", None, "partial"),
    ("asdf qwer", None, None, None),
    ("Senior Frontend Engineer", "Web Developers", "Senior", "parsed"),
    ("Backend Engineer", "Software Developers", None, "alias"),
    ("Full-Stack Engineer", "Software Developers", None, "alias"),
    ("Site Reliability Engineer", "Software Developers", None, "alias"),
    ("Senior SRE", "Software Developers", "Senior", "parsed"),
    ("Data Scientist II", "Data Scientists", "Mid Level", "parsed"),
    ("Senior Data Engineer", "Database Architects", "Senior", "parsed"),
    (
        "Junior QA Engineer",
        "Software Quality Assurance Analysts and Testers",
        "Entry Level",
        "parsed",
    ),
    ("Lead UX Designer", "Web and Digital Interface Designers", "Senior", "parsed"),
    ("Senior Product Designer", "AMBIGUOUS", None, None),
    ("Principal Product Manager", "Marketing Managers", "Veteran", "parsed"),
    ("Associate Product Manager", "Marketing Managers", "Entry Level", "parsed"),
    ("VP of Sales", "Sales Managers", None, "parsed"),
    ("VP Sales", "Sales Managers", None, "alias"),
    ("Head of Sales", "Sales Managers", None, "alias"),
    ("Sales Associate - Part Time", "Retail Salespersons", None, "parsed"),
    ("Retail Sales Associate", "Retail Salespersons", None, "title"),
    ("Cashier", "Cashiers", None, "exact"),
    ("Store Manager", "First-Line Supervisors of Retail Sales Workers", None, "alias"),
    ("Travel Nurse", "Registered Nurses", None, "alias"),
    ("ICU Nurse", "Registered Nurses", None, "title"),
    ("Charge Nurse", "Registered Nurses", None, "title"),
    ("Nurse Practitioner, FNP", "Nurse Practitioners", None, "parsed"),
    ("Family Nurse Practitioner", "Nurse Practitioners", None, "title"),
    ("Nursing Assistant", "Nursing Assistants", None, "exact"),
    ("Medical Assistant", "Medical Assistants", None, "exact"),
    ("Physician Assistant", "Physician Assistants", None, "exact"),
    ("Pharmacist", "Pharmacists", None, "exact"),
    ("Dental Hygienist", "Dental Hygienists", None, "exact"),
    ("Dentist", "Dentists, General", None, "title"),
    ("Veterinarian", "Veterinarians", None, "exact"),
    ("Paramedic", "Paramedics", None, "exact"),
    ("Home Health Aide", "Home Health and Personal Care Aides", None, "title"),
    ("Caregiver", "Home Health and Personal Care Aides", None, "title"),
    ("Medical Coder", "Medical Records Specialists", None, "title"),
    ("Case Manager", "AMBIGUOUS", None, None),
    ("Social Worker", "AMBIGUOUS", None, None),
    ("Therapist", "AMBIGUOUS", None, None),
    (
        "Counselor",
        "Substance Abuse, Behavioral Disorder, and Mental Health Counselors",
        None,
        "title",
    ),
    ("Professor", "AMBIGUOUS", None, None),
    ("Associate Professor", "Health Specialties Teachers, Postsecondary", None, "title"),
    ("Assistant Professor", "Health Specialties Teachers, Postsecondary", None, "title"),
    (
        "Elementary School Teacher",
        "Elementary School Teachers, Except Special Education",
        None,
        "title",
    ),
    ("Substitute Teacher", "Substitute Teachers, Short-Term", None, "alias"),
    ("Teaching Assistant", "Teaching Assistants, Except Postsecondary", None, "alias"),
    ("Librarian", "Librarians and Media Collections Specialists", None, "title"),
    ("Judge", "Judges, Magistrate Judges, and Magistrates", None, "title"),
    ("Security Guard", "Security Guards", None, "exact"),
    ("Correctional Officer", "Correctional Officers and Jailers", None, "title"),
    ("Detective", "Detectives and Criminal Investigators", None, "title"),
    ("Mechanical Engineer", "Mechanical Engineers", None, "exact"),
    ("Electrical Engineer", "Electrical Engineer", None, "exact"),
    ("Chemical Engineer", "Chemical Engineer", None, "exact"),
    ("Industrial Engineer", "Industrial Engineers", None, "exact"),
    ("Architect", "Architects, Except Landscape and Naval", None, "title"),
    ("Surveyor", "Surveyors", None, "exact"),
    ("Carpenter", "Carpenters", None, "exact"),
    ("Roofer", "Roofers", None, "exact"),
    ("Painter", "Painters, Construction and Maintenance", None, "alias"),
    (
        "Heavy Equipment Operator",
        "Operating Engineers and Other Construction Equipment Operators",
        None,
        "title",
    ),
    (
        "Warehouse Associate",
        "Laborers and Freight, Stock, and Material Movers, Hand",
        None,
        "title",
    ),
    ("Warehouse Worker", "Laborers and Freight, Stock, and Material Movers, Hand", None, "title"),
    ("Package Handler", "Laborers and Freight, Stock, and Material Movers, Hand", None, "title"),
    ("Machinist", "Machinists", None, "exact"),
    ("Assembler", "Miscellaneous Assemblers and Fabricators", None, "title"),
    ("Delivery Driver", "Light Truck Drivers", None, "title"),
    ("Bus Driver", "Bus Drivers, Transit and Intercity", None, "alias"),
    ("Airline Pilot", "Airline Pilots, Copilots, and Flight Engineers", None, "title"),
    ("Flight Attendant", "Flight Attendants", None, "exact"),
    ("Chef", "Chefs and Head Cooks", None, "title"),
    ("Sous Chef", "Chefs and Head Cooks", None, "alias"),
    ("Dishwasher", "Dishwashers", None, "exact"),
    ("Server", "Waiters and Waitresses", None, "title"),
    ("Bartender", "Bartenders", None, "exact"),
    ("Janitor", "Janitors and Cleaners, Except Maids and Housekeeping Cleaners", None, "title"),
    ("Custodian", "Janitors and Cleaners, Except Maids and Housekeeping Cleaners", None, "title"),
    ("Landscaper", "Landscaping and Groundskeeping Workers", None, "title"),
    ("Hair Stylist", "Hairdressers, Hairstylists, and Cosmetologists", None, "title"),
    ("Personal Trainer", "Exercise Trainers and Group Fitness Instructors", None, "title"),
    ("Nanny", "Childcare Workers", None, "title"),
    ("Receptionist", "Receptionists and Information Clerks", None, "title"),
    (
        "Administrative Assistant",
        "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
        None,
        "title",
    ),
    ("Office Manager", "AMBIGUOUS", None, None),
    ("Customer Service Representative", "Customer Service Representatives", None, "exact"),
    ("Sales Manager", "Sales Managers", None, "exact"),
    ("Insurance Agent", "Insurance Sales Agents", None, "title"),
    ("Financial Advisor", "Personal Financial Advisors", None, "alias"),
    ("Loan Officer", "Loan Officers", None, "exact"),
    ("Controller", "Financial Managers", None, "title"),
    ("Auditor", "Accountants and Auditors", None, "title"),
    ("Payroll Specialist", "Payroll and Timekeeping Clerks", None, "title"),
    ("HR Manager", "Human Resources Managers", None, "alias"),
    ("Marketing Coordinator", "AMBIGUOUS", None, None),
    ("Copywriter", "Writers and Authors", None, "title"),
    ("Technical Writer", "Technical Writers", None, "exact"),
    ("Graphic Designer", "Graphic Designers", None, "exact"),
    ("Photographer", "Photographers", None, "exact"),
    ("Web Developer", "Web Developers", None, "exact"),
    ("Java Developer", "Computer Programmers", None, "title"),
    ("Game Developer", "Software Developers", None, "title"),
    ("Computer Programmer", "Computer Programmers", None, "exact"),
    ("Systems Administrator", "Network and Computer Systems Administrators", None, "title"),
    ("Network Administrator", "Network and Computer Systems Administrators", None, "title"),
    ("Database Administrator", "Database Administrators", None, "exact"),
    ("Information Security Analyst", "Information Security Analysts", None, "exact"),
    ("IT Manager", "Computer and Information Systems Managers", None, "alias"),
    ("Project Manager", "Project Management Specialists", None, "title"),
    ("Program Manager", "General and Operations Managers", None, "title"),
    ("Scrum Master", "Computer Occupations, All Other", None, "title"),
    ("Business Analyst", "Management Analysts", None, "title"),
    ("Management Consultant", "Management Analysts", None, "title"),
    ("General Manager", "General and Operations Managers", None, "title"),
    ("Restaurant Manager", "Food Service Managers", None, "title"),
    ("Hotel Manager", "Lodging Managers", None, "title"),
    (
        "Property Manager",
        "Property, Real Estate, and Community Association Managers",
        None,
        "title",
    ),
    ("Operations Manager", "General and Operations Managers", None, "title"),
    ("Buyer", "Buyers and Purchasing Agents", None, "title"),
    ("Purchasing Agent", "Buyers and Purchasing Agents", None, "title"),
    ("Logistics Coordinator", "Logisticians", None, "alias"),
    ("Actuary", "Actuaries", None, "title"),
    ("Data Entry Clerk", "Data Entry Keyers", None, "title"),
    ("Mail Carrier", "Postal Service Mail Carriers", None, "title"),
    ("Realtor", "Real Estate Sales Agents", None, "title"),
    ("Claims Adjuster", "Claims Adjusters, Examiners, and Investigators", None, "title"),
]


def test_the_table_is_big_enough() -> None:
    assert len(TITLES) >= 300
    assert len({typed for typed, *_ in TITLES}) == len(TITLES)


@pytest.mark.parametrize(("typed", "role", "level", "how"), TITLES)
def test_typed_titles(
    index: RoleIndex, typed: str, role: str | None, level: str | None, how: str | None
) -> None:
    if role is None:
        with pytest.raises(UnknownRole) as caught:
            index.match(typed)
        assert not isinstance(caught.value, AmbiguousRole)
        return
    if role == AMBIGUOUS:
        with pytest.raises(AmbiguousRole):
            index.match(typed)
        return
    found = index.match(typed)
    assert (found.role.role, found.level, found.matched_by) == (role, level, how)


# --- the near-misses the issue names: O*NET's own titles now, never a fuzzy guess ----------

NEAR_MISSES = [
    ("cook", "Cooks, Restaurant"),
    ("banker", "Securities, Commodities, and Financial Services Sales Agents"),
    ("porter", "Baggage Porters and Bellhops"),
    ("Night Manager", "Lodging Managers"),
    ("Benefits Administrator", "Compensation, Benefits, and Job Analysis Specialists"),
    ("nursery manager", "Farmers, Ranchers, and Other Agricultural Managers"),
]


@pytest.mark.parametrize(("typed", "role"), NEAR_MISSES)
def test_near_misses_are_answered_by_o_net_not_by_similarity(
    index: RoleIndex, typed: str, role: str
) -> None:
    found = index.match(typed)
    assert (found.role.role, found.matched_by, found.corrected) == (role, "title", ())


def test_branch_manager_is_refused_with_both_occupations_and_their_pay() -> None:
    result = run("estimate", "Branch Manager", "-y", "4")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "salarycli: error: 'Branch Manager' is a title of several occupations; name one: "
        "Financial Managers (11-3031, $186,910 a year), "
        "First-Line Supervisors of Retail Sales Workers (41-1011, $53,380 a year)\n"
    )


def test_one_title_one_answer_whatever_the_word_order(index: RoleIndex) -> None:
    pairs = [
        ("Director of Engineering", "Engineering Director"),
        ("Frontend Engineer", "Frontend Developer"),
        ("Front End Engineer", "front-end developer"),
        ("VP of Sales", "Sales Vice President"),
        ("Engineer, Software", "Software Engineer"),
    ]
    for one, other in pairs:
        assert index.match(one).role.role == index.match(other).role.role, (one, other)


# --- alternatives: in --explain, in machine formats, and in the table's notes ---------------


def test_a_chosen_title_shows_its_runner_ups_in_every_format() -> None:
    record = json.loads(run("estimate", "Data Analyst", "-y", "4", "-f", "json").stdout)
    assert (record["role"], record["soc"], record["matched_by"]) == (
        "Data Scientists",
        "15-2051",
        "title",
    )
    assert record["alternatives"] == [
        {"role": "Financial Specialists, All Other", "soc": "13-2099", "base_salary": 93810},
        {"role": "Database Architects", "soc": "15-1243", "base_salary": 144440},
        {"role": "Statisticians", "soc": "15-2041", "base_salary": 115700},
        {"role": "Biological Scientists, All Other", "soc": "19-1029", "base_salary": 106330},
    ]
    assert record["note"].startswith(
        "also a title of Financial Specialists, All Other (13-2099, $93,810 a year)"
    )
    table = run("estimate", "Data Analyst", "-y", "4", "-f", "table").stdout
    assert "also a title of Financial Specialists, All Other" in " ".join(table.split())
    explained = run("estimate", "Data Analyst", "-y", "4", "--explain", "-f", "table").stdout
    assert "chosen among O*NET's occupations by the ambiguity rule" in " ".join(explained.split())
    csv_out = run("estimate", "Data Analyst", "-y", "4", "-f", "csv").stdout
    assert csv_out.splitlines()[0].endswith(
        ",note,matched_by,query,alternatives,at_least,percentile,confidence,level_low,level_high"
    )
    assert '""role"": ""Financial Specialists, All Other""' in csv_out


def test_a_title_with_one_occupation_has_no_alternatives() -> None:
    record = json.loads(run("estimate", "DevOps Engineer", "-y", "4", "-f", "json").stdout)
    assert (record["role"], record["alternatives"], record["note"]) == (
        "Software Developers",
        None,
        None,
    )


def test_ambiguous_titles_in_batch_are_error_records_with_the_candidates() -> None:
    result = run(
        "batch", "--input-format", "lines", "-y", "4", "-f", "jsonl", input="Teacher\nNurse\n"
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert records[0]["estimate_error"] == (
        "'Teacher' is a title of several occupations; name one: "
        "Elementary School Teachers, Except Special Education (25-2021, $72,650 a year), "
        "Secondary School Teachers, Except Special and Career/Technical Education (25-2031, $76,320 a year), "
        "Middle School Teachers, Except Special and Career/Technical Education (25-2022, $72,030 a year), "
        "Preschool Teachers, Except Special Education (25-2011, $43,030 a year)"
    )
    assert (records[1]["estimate_role"], records[1]["estimate_error"]) == (
        "Registered Nurses",
        None,
    )


def test_a_short_form_with_two_meanings_is_ambiguous() -> None:
    result = run("estimate", "Senior PM", "-y", "4")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "salarycli: error: 'Senior PM' is a title of several occupations; name one: "
        "Marketing Managers (11-2021, $177,770 a year), "
        "Project Management Specialists (13-1082, $110,740 a year)\n"
    )


# --- refusals that say why ---------------------------------------------------------------


def test_an_occupation_oews_does_not_price_is_refused_with_the_reason() -> None:
    result = run("estimate", "Infantry Officer", "-y", "4")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "salarycli: error: unknown role 'Infantry Officer': O*NET lists it under SOC 55-1016, which "
        "OEWS publishes no wages for (it does not survey the military)\n"
    )


@pytest.mark.parametrize("typed", ["L5", "Senior", "Level 3", "IC4", "Intern", "Sr."])
def test_a_level_alone_is_not_a_title(typed: str) -> None:
    result = run("estimate", typed, "-y", "4")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"salarycli: error: unknown role {typed!r}: that is a level, not a job title; add the title "
        '("Senior Software Engineer", "Software Engineer L5")\n'
    )


def test_suggestions_come_from_titles_with_the_words_typed(index: RoleIndex) -> None:
    with pytest.raises(UnknownRole) as caught:
        index.match("plumbing wizardry")
    assert caught.value.suggestions[0] == "Plumbers, Pipefitters, and Steamfitters"
    with pytest.raises(UnknownRole) as caught:
        index.match("Doctorr of Vibes")
    assert "Actors" not in caught.value.suggestions


# --- level codes: a documented table ------------------------------------------------------

LEVEL_CODES = [
    ("Software Engineer I", "Entry Level"),
    ("Software Engineer II", "Mid Level"),
    ("Software Engineer III", "Experienced"),
    ("Software Engineer IV", "Senior"),
    ("Software Engineer V", "Veteran"),
    ("Software Engineer 1", "Entry Level"),
    ("Software Engineer 4", "Senior"),
    ("Software Engineer L3", "Entry Level"),
    ("Software Engineer L4", "Mid Level"),
    ("Software Engineer L6", "Senior"),
    ("Software Engineer L8", "Veteran"),
    ("E4 Software Engineer", "Mid Level"),
    ("E6 Software Engineer", "Senior"),
    ("Software Engineer IC1", "Entry Level"),
    ("Software Engineer IC3", "Experienced"),
    ("Software Engineer IC6", "Veteran"),
    ("SDE1", "Entry Level"),
    ("SDE3", "Experienced"),
    ("SWE4", "Senior"),
    ("Accountant - Level 2", "Mid Level"),
    ("Registered Nurse Level 4", "Senior"),
    ("Staff Accountant II", "Mid Level"),
]


@pytest.mark.parametrize(("typed", "level"), LEVEL_CODES)
def test_level_codes(index: RoleIndex, typed: str, level: str) -> None:
    assert index.match(typed).level == level


def test_a_level_code_sets_the_estimates_level() -> None:
    record = json.loads(run("estimate", "Software Engineer L5", "-f", "json").stdout)
    assert (record["level"], record["salary"], record["matched_by"]) == (
        "Experienced",
        143180,  # the 55th percentile of Software Developers' national distribution
        "parsed",
    )
    assert record["note"] == "level from the title: 'l5' -> Experienced"


def test_a_number_is_a_level_code_only_after_a_title(index: RoleIndex) -> None:
    assert index.match("LPN 2nd shift").level is None
    assert index.match("Nurse - 2nd shift").level is None


# --- typos: fuzzy only for genuine typos, and said in every format ---------------------------

TYPOS = [
    ("Sofware Engineer", "Software Developers", (("sofware", "software"),)),
    ("registerd nurse", "Registered Nurses", (("registerd", "registered"),)),
    ("Machine Lerning Engineer", "Machine Learning Engineer", (("lerning", "learning"),)),
    ("Acountant", "Accountants and Auditors", (("acountant", "accountant"),)),
    ("Electrcian", "Electricians", (("electrcian", "electrician"),)),
    ("Pharmasist", "Pharmacists", (("pharmasist", "pharmacist"),)),
    ("Veterinarain", "Veterinarians", (("veterinarain", "veterinarian"),)),
    ("Senior Sofware Engineer", "Software Developers", (("sofware", "software"),)),
]


@pytest.mark.parametrize(("typed", "role", "corrected"), TYPOS)
def test_typos(index: RoleIndex, typed: str, role: str, corrected: tuple[tuple[str, str]]) -> None:
    found = index.match(typed)
    assert (found.role.role, found.matched_by, found.corrected) == (role, "fuzzy", corrected)


@pytest.mark.parametrize(
    "typed",
    [
        "cok",  # 3 letters: never corrected
        "nurs",  # 4 letters
        "SWEE",  # an abbreviation's neighbour
        "Sofware Plumber Astronaut",  # a word that is no typo stays unknown
        "Software Engineeer Manager Director",  # corrected words must still make a title
    ],
)
def test_no_fuzzy_answer_for_short_words_or_whole_words(index: RoleIndex, typed: str) -> None:
    try:
        found = index.match(typed)
    except UnknownRole:
        return
    assert found.matched_by != "fuzzy", (typed, found.role.role)


def test_a_fuzzy_answer_says_so_in_every_format() -> None:
    record = json.loads(run("estimate", "Sofware Engineer", "-y", "4", "-f", "json").stdout)
    assert (record["role"], record["matched_by"], record["note"]) == (
        "Software Developers",
        "fuzzy",
        "read 'Sofware Engineer' as 'software engineer' (a typo correction)",
    )
    table = run("estimate", "Sofware Engineer", "-y", "4", "-f", "table").stdout
    assert "read 'Sofware Engineer' as 'software engineer' (a typo correction)" in " ".join(
        table.split()
    )
    csv_lines = run("estimate", "Sofware Engineer", "-y", "4", "-f", "csv").stdout.splitlines()
    assert "(a typo correction)" in csv_lines[1] and ",fuzzy," in csv_lines[1]
    ladder = run("estimate", "Sofware Engineer", "-f", "table").stdout
    assert "(a typo correction)" in " ".join(ladder.split())


# --- the level a title sets, and the options that overrule it -----------------------------


def test_a_seniority_word_sets_the_level_and_says_why() -> None:
    record = json.loads(run("estimate", "Senior Civil Engineer", "-f", "json").stdout)
    assert (record["level"], record["salary"], record["matched_by"]) == (
        "Senior",
        126219,
        "parsed",
    )
    assert (record["query"], record["note"]) == (
        "Senior Civil Engineer",
        "level from the title: 'senior' -> Senior",
    )


def test_an_option_wins_over_the_title_and_the_output_says_so() -> None:
    record = json.loads(
        run("estimate", "Senior Civil Engineer", "--years", "4", "-f", "json").stdout
    )
    assert (record["level"], record["salary"]) == ("Mid Level", 84112)
    assert record["note"] == "the title says Senior ('senior'); the option's Mid Level is used"
    same = json.loads(
        run("estimate", "Senior Civil Engineer", "--level", "senior", "-f", "json").stdout
    )
    assert same["note"] is None


def test_explain_in_the_table_view() -> None:
    table = run("estimate", "ml engineer", "-y", "4", "--explain", "-f", "table").stdout
    flat = " ".join(table.split())
    assert "matched 'ml engineer' -> 'ml engineer', a title of Machine Learning Engineer" in flat
    parsed = run(
        "estimate", "Sr. DevOps Engineer (AWS) - Remote", "--explain", "-f", "table"
    ).stdout
    flat = " ".join(parsed.split())
    assert (
        "matched 'Sr. DevOps Engineer (AWS) - Remote' -> 'devop engineer', an O*NET title of "
        "Software Developers (the one occupation O*NET lists it under); set aside: 'Remote', "
        "'AWS'; 'sr' sets the level: Senior"
    ) in flat
    plain = run("estimate", "ml engineer", "-y", "4", "-f", "table").stdout
    assert "matched" not in plain


def test_batch_applies_the_same_rules_per_record() -> None:
    result = run(
        "batch", "--input-format", "lines", "-f", "jsonl", input="Senior SWE\nSWE\nRN II\n"
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [
        (
            r["estimate_query"],
            r["estimate_role"],
            r["estimate_level"],
            r["estimate_matched_by"],
            r["estimate_error"],
        )
        for r in records
    ] == [
        ("Senior SWE", "Software Developers", "Senior", "parsed", None),
        ("SWE", None, None, None, "give years or level (or a seniority word in the title)"),
        ("RN II", "Registered Nurses", "Mid Level", "parsed", None),
    ]


# --- the curated aliases and decisions: one title, one answer --------------------------------


def test_every_title_decision_is_what_salarycli_answers(index: RoleIndex) -> None:
    import csv

    from salarycli.sources.files import data_dir

    with (data_dir() / "title_decisions.csv").open(encoding="utf-8", newline="") as stream:
        decisions = list(csv.DictReader(stream))
    assert len(decisions) >= 15
    for row in decisions:
        assert row["reason"], row["title"]
        if row["role"]:
            found = index.match(row["title"])
            assert row["role"] in (found.role.soc, found.role.role), row["title"]
        else:
            with pytest.raises(AmbiguousRole):
                index.match(row["title"])


def test_every_curated_alias_resolves_to_its_role_or_is_shown_beside_o_net(
    index: RoleIndex,
) -> None:
    import csv

    from salarycli.sources.files import data_dir

    with (data_dir() / "aliases.csv").open(encoding="utf-8", newline="") as stream:
        aliases = list(csv.DictReader(stream))
    assert len(aliases) >= 1500
    answered = 0
    for row in aliases:
        try:
            found = index.match(row["alias"])
        except AmbiguousRole as refused:
            assert row["role"] in str(refused) or any(
                role.role in str(refused) for role in index.listed() if role.soc == row["role"]
            ), row["alias"]
            continue
        named = {found.role.soc, found.role.role}
        others = {role.soc for role in found.alternatives} | {
            role.role for role in found.alternatives
        }
        assert row["role"] in named | others, (row["alias"], row["role"], found.role.role)
        answered += row["role"] in named
    assert answered >= 1400


# --- speed (measured, not asserted, in benchmarks/titles.py; here: it works at all) --------


def test_a_known_name_does_not_open_the_title_index() -> None:
    calls = []
    session = Session()
    index = session.role_index()
    opened = index.table
    index.table = lambda: calls.append(1) or opened()  # type: ignore[method-assign]
    assert index.match("Civil Engineers").matched_by == "exact"
    assert calls == []
    assert index.match("SWE").matched_by == "alias"
    assert calls == [1]


# --- shell completion ---------------------------------------------------------------------


def _tab(**env: str) -> list[str]:
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = str(Path(sys.executable).parent / "salarycli")
    done = subprocess.run(
        [script], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    if env.get("_SALARYCLI_COMPLETE") == "complete_bash":  # each as bash reads it back
        import shlex

        return [shlex.split(word)[0] for word in done.stdout.splitlines()]
    return done.stdout.splitlines()


def test_tab_completes_roles_featured_first() -> None:
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash", COMP_WORDS="salarycli estimate Civ", COMP_CWORD="2"
    )
    assert words[0] == "Civil Engineer" and "Civil Engineers" in words
    assert all("civ" in word.casefold() for word in words)


def test_tab_completes_places_and_countries() -> None:
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash",
        COMP_WORDS="salarycli estimate x -L Aus",
        COMP_CWORD="4",
    )
    assert words == ["Austin-Round Rock-San Marcos, TX", "Austin, TX"]
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash",
        COMP_WORDS="salarycli estimate x -c Ger",
        COMP_CWORD="4",
    )
    assert words == ["Germany"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_for_each_shell(shell: str) -> None:
    result = run("--show-completion", shell)
    assert result.exit_code == 0, (result.output, repr(result.exception))
    assert "_SALARYCLI_COMPLETE" in result.stdout


# --- at a terminal (a pseudo-terminal, as users see it) --------------------------------------


def _at_a_terminal(*args: str) -> tuple[int, str]:
    import os
    import pty
    import subprocess

    from tests.conftest import SCRIPT, drain

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "LINES": "40", "NO_COLOR": "1", "TERM": "xterm"}
    process = subprocess.Popen(
        [SCRIPT, *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    shown = drain(leader)
    code = process.wait(timeout=60)
    os.close(leader)
    return code, shown.decode().replace("\r\n", "\n")


def test_at_a_terminal_a_fuzzy_answer_and_alternatives_are_in_the_table() -> None:
    code, shown = _at_a_terminal("estimate", "Sofware Engineer", "-y", "4")
    flat = " ".join(shown.split())
    assert code == 0
    assert "Software Developers with 4 years: $111,364 at Mid Level" in flat
    assert "read 'Sofware Engineer' as 'software engineer' (a typo correction)" in flat
    code, shown = _at_a_terminal("estimate", "Data Analyst", "-y", "4")
    assert code == 0
    assert "also a title of Financial Specialists, All Other (13-2099, $93,810 a year)" in " ".join(
        shown.split()
    )


def test_at_a_terminal_an_ambiguous_title_is_one_line_with_the_candidates() -> None:
    code, shown = _at_a_terminal("estimate", "Branch Manager", "-y", "4")
    assert code == 1
    assert shown == (
        "salarycli: error: 'Branch Manager' is a title of several occupations; name one: "
        "Financial Managers (11-3031, $186,910 a year), "
        "First-Line Supervisors of Retail Sales Workers (41-1011, $53,380 a year)\n"
    )


def test_every_place_tab_offers_is_accepted() -> None:
    from salarycli.session import Session

    places = Session().place_index()
    for typed in ("Port", "Van", "Aus", "Kansas", "St", "Wash"):
        words = _tab(
            _SALARYCLI_COMPLETE="complete_bash",
            COMP_WORDS=f"salarycli estimate x -L {typed}",
            COMP_CWORD="4",
        )
        assert words, typed
        for word in words:
            places.find(word)  # raises if --location would refuse it
    words = _tab(
        _SALARYCLI_COMPLETE="complete_bash",
        COMP_WORDS="salarycli estimate x -L Vancouver",
        COMP_CWORD="4",
    )
    assert words == ["Vancouver, WA"]  # not "Vancouver, OR-WA", which is no place


# --- issue #14: TAB in any case, in bash, zsh and fish ------------------------------------------


SHELLS = {
    "bash": lambda words: {"_SALARYCLI_COMPLETE": "complete_bash", "COMP_WORDS": words,
                           "COMP_CWORD": str(len(words.split()) - 1)},
    "zsh": lambda words: {"_SALARYCLI_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words},
    "fish": lambda words: {"_SALARYCLI_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": words,
                           "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
}  # fmt: skip


@pytest.mark.parametrize("shell", sorted(SHELLS))
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("salarycli estimate soft", "Software Engineer"),
        ("salarycli estimate SOFT", "Software Engineer"),
        ("salarycli estimate x -L aus", "Austin, TX"),
        ("salarycli estimate x -c ger", "Germany"),
    ],
)
def test_tab_completes_lower_case_prefixes(shell: str, words: str, expected: str) -> None:
    shown = "\n".join(_tab(**SHELLS[shell](words)))
    assert expected in shown, shown[:300]


# --- real-world titles: qualifiers, leaders, bare words, parts (issue #23) -----------------

REAL_WORLD = [
    # a medical specialty picks the specialist occupation
    ("Physician (Neurology)", "Neurologists"),
    ("Staff Physician, Pediatrics", "Pediatricians, General"),
    ("Anesthesiologist Physician", "Anesthesiologists"),
    ("General Surgeon", "Surgeons, All Other"),
    ("Transplant Surgeon", "Surgeons, All Other"),
    # a professor's subject picks the postsecondary teachers
    ("Assistant Professor - Finance", "Business Teachers, Postsecondary"),
    ("Assistant Professor of Mathematics", "Mathematical Science Teachers, Postsecondary"),
    ("Associate Professor, Physics", "Physics Teachers, Postsecondary"),
    ("Professor (History)", "History Teachers, Postsecondary"),
    # "VP of X" and "Head of X" lead X
    ("VICE PRESIDENT OF FINANCE", "Financial Managers"),
    ("VP of Sales", "Sales Managers"),
    ("Head of Marketing", "Marketing Managers"),
    ("Vice President, Human Resources", "Human Resources Managers"),
    # a context that names no occupation is set aside
    ("qa tester (manual)", "Software Quality Assurance Analysts and Testers"),
    ("General Laborer - Construction Site", "Construction Laborers"),
    # the longest known title inside an unknown one
    ("Physical Therapist-Lymphedema", "Physical Therapists"),
    ("CHEMIST, PROTEIN ANALYSIS", "Chemists"),
    # titles employers write, learned from LCA filings
    ("Network Admin", "Network and Computer Systems Administrators"),
    ("ELECTRICAL FIELD ENGINEER", "Electrical Engineer"),
    ("Journeyman Lineman", "Electrical Power-Line Installers and Repairers"),
]


@pytest.mark.parametrize(("typed", "role"), REAL_WORLD)
def test_real_world_titles(index: RoleIndex, typed: str, role: str) -> None:
    assert index.match(typed).role.role == role


BARE = ["Analyst", "Director", "Doctor", "Manager", "Specialist", "Consultant", "SR. ANALYST"]


@pytest.mark.parametrize("typed", BARE)
def test_a_bare_word_is_refused_with_likely_occupations_and_their_pay(
    index: RoleIndex, typed: str
) -> None:
    with pytest.raises(AmbiguousRole) as caught:
        index.match(typed)
    assert caught.value.message.startswith(f"{typed!r} names no one occupation; the most likely: ")
    assert " a year)" in caught.value.message


def test_a_partial_answer_says_what_it_read_in_every_note(index: RoleIndex) -> None:
    found = index.match("Physical Therapist-Lymphedema")
    assert (found.matched_by, found.name, found.dropped) == (
        "partial",
        "physical therapist",
        ("lymphedema",),
    )
    assert found.note == (
        "read 'Physical Therapist-Lymphedema' as 'physical therapist', the longest known title in it"
    )
    assert "the longest part of it that is a known title" in found.explanation


def test_a_qualifier_that_picks_says_so(index: RoleIndex) -> None:
    found = index.match("Staff Physician, Pediatrics")
    assert found.role.soc == "29-1221"
    assert "a qualifier picks the occupation ('pediatrician')" in found.explanation


def test_a_qualifier_never_turns_a_title_into_another_occupation(index: RoleIndex) -> None:
    # "hardware engineer" is an occupation of the same group, but "Mechanical" is not rank
    assert index.match("Mechanical Engineer (Hardware)").role.role == "Mechanical Engineers"
    # a leader's title is never answered by a part of it
    assert index.match("VICE PRESIDENT AMERICAS AND GLOBAL MARKETING").role.role == (
        "Marketing Managers"
    )


TIES = [
    # a qualifier that says which of an ambiguous title's occupations
    (
        "Shift Supervisor - Restaurant",
        "First-Line Supervisors of Food Preparation and Serving Workers",
    ),
    ("Shift Supervisor - Retail", "First-Line Supervisors of Retail Sales Workers"),
    ("Music Teacher - Elementary", "Elementary School Teachers, Except Special Education"),
    (
        "Music Teacher (High School)",
        "Secondary School Teachers, Except Special and Career/Technical Education",
    ),
    # a bare word with a qualifier that makes it a title
    ("Manager - Retail", "First-Line Supervisors of Retail Sales Workers"),
    ("Analyst (Finance)", "Financial and Investment Analysts"),
]


@pytest.mark.parametrize(("typed", "role"), TIES)
def test_a_qualifier_breaks_a_tie(index: RoleIndex, typed: str, role: str) -> None:
    assert index.match(typed).role.role == role


def test_a_context_that_names_no_occupation_breaks_no_tie(index: RoleIndex) -> None:
    with pytest.raises(AmbiguousRole) as caught:
        index.match("Shift Supervisor (Starbucks)")
    assert caught.value.message.startswith(
        "'Shift Supervisor (Starbucks)' is a title of several occupations; name one: "
        "First-Line Supervisors of Food Preparation and Serving Workers (35-1012, "
    )


@pytest.mark.parametrize(
    ("words", "argument"),
    [
        (["estimate", "x", "-L", "pittsb"], "Pittsburgh, PA"),
        (["estimate", "machine lea"], "Machine Learning Engineer"),
        (["compare", "-L", "pittsb"], "Pittsburgh, PA"),
        (["compare", "-c", "ger"], "Germany"),
        (["relocate", "x", "100k", "--from", "pittsb"], "Pittsburgh, PA"),
        (["relocate", "x", "100k", "--to", "pittsb"], "Pittsburgh, PA"),
        (["relocate", "x", "100k", "--to-country", "ger"], "Germany"),
    ],
)
def test_bash_inserts_a_multi_word_completion_as_one_argument(
    words: list[str], argument: str
) -> None:
    """Issue #27: TAB inserted "Pittsburgh, PA" unquoted, two arguments. In bash itself: the
    completion script, then the completed line read back as bash reads a command line."""
    import os
    import shlex
    import subprocess
    import sys
    from pathlib import Path

    folder = str(Path(sys.executable).parent)
    line = " ".join(["salarycli", *(shlex.quote(word) for word in words)])
    program = (
        'eval "$(salarycli --show-completion bash)"\n'
        f"COMP_WORDS=({line})\nCOMP_CWORD={len(words)}\n"
        "_salarycli_completion salarycli\n"
        'eval "set -- ${COMPREPLY[0]}"\n'
        'printf "%s\\n" "$#" "$1"\n'
    )
    done = subprocess.run(
        ["bash", "-c", program],
        env={**os.environ, "PATH": f"{folder}:{os.environ['PATH']}", "SHELL": "/bin/bash"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == ["1", argument], done.stderr
