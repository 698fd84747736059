"""Each Safe Harbor identifier type, in the several ways people write it."""

from __future__ import annotations

import pytest

from bondmcp.privacy import ENTITY_TYPES

from .support import assert_kept, assert_removed

# (text, identifier as it appears in the text, expected type)
CASES: list[tuple[str, str, str]] = [
    # dates more specific than a year
    ("Seen on 03/14/2024 for a rash.", "03/14/2024", "date"),
    ("Seen on 3/14/24 for a rash.", "3/14/24", "date"),
    ("Termin am 14.03.2024 wegen Husten.", "14.03.2024", "date"),
    ("My surgery is March 14, 2024.", "March 14, 2024", "date"),
    ("Surgery on 14 March, then rest.", "14 March", "date"),
    ("Appointment Mar 14th, 2024 at noon.", "Mar 14th, 2024", "date"),
    ("Labs drawn 2024-03-14 showed anemia.", "2024-03-14", "date"),
    ("Admitted 2024-03-14T08:30 via the ER.", "2024-03-14T08:30", "date"),
    ("DOB: 14-MAR-1951", "14-MAR-1951", "date"),
    ("Seen the 3rd of May for follow-up.", "3rd of May", "date"),
    ("Started in Sept. 2021, stopped in October 2022.", "Sept. 2021", "date"),
    ("Started in Sept. 2021, stopped in October 2022.", "October 2022", "date"),
    ("Next visit on 6/12 with labs.", "6/12", "date"),
    ("dob 19510314, mrn pending", "19510314", "date"),
    ("Symptoms since Jan 3rd.", "Jan 3rd", "date"),
    ("i was seen on april 2 and again may 5", "may 5", "date"),
    # ages over 89
    ("She is a 92-year-old woman with heart failure.", "92", "age_over_89"),
    ("My grandfather, aged 95, fell at home.", "95", "age_over_89"),
    ("Age: 101. Lives alone.", "101", "age_over_89"),
    ("Patient is 93 y/o.", "93", "age_over_89"),
    ("94yo F with pneumonia", "94", "age_over_89"),
    ("My mom is 97 and still gardens.", "97", "age_over_89"),
    ("Grandpa just turned 90 and has a cough.", "90", "age_over_89"),
    ("my great-grandmother (96) has dementia", "96", "age_over_89"),
    # phone and fax
    ("Call me at (555) 234-5678 tonight.", "(555) 234-5678", "phone"),
    ("Call me at 555-234-5678 tonight.", "555-234-5678", "phone"),
    ("Call me at 555.234.5678 tonight.", "555.234.5678", "phone"),
    ("My cell is 5552345678.", "5552345678", "phone"),
    ("Reach me on +1 555 234 5678.", "+1 555 234 5678", "phone"),
    ("Office: 1-800-555-0199 ext. 42", "1-800-555-0199 ext. 42", "phone"),
    ("UK mobile +44 7700 900123 after 6.", "+44 7700 900123", "phone"),
    ("Tel. 020 7946 0958", "020 7946 0958", "phone"),
    ("Ruf mich an: +49 30 12345678", "+49 30 12345678", "phone"),
    ("Appelez le +33 1 23 45 67 89", "+33 1 23 45 67 89", "phone"),
    ("Fax: (555) 234-9999", "(555) 234-9999", "fax"),
    ("Please fax the form to 555-234-9999.", "555-234-9999", "fax"),
    ("Office phone 555-234-0000, fax 555-234-9999.", "555-234-9999", "fax"),
    ("Fax no. +44 20 7946 0000", "+44 20 7946 0000", "fax"),
    # e-mail
    ("Email me at jane.doe@example.com please.", "jane.doe@example.com", "email"),
    ("Reply to J.Doe+health@Mail.Example.co.uk.", "J.Doe+health@Mail.Example.co.uk", "email"),
    ("my email is jane dot doe at gmail dot com", "jane dot doe at gmail dot com", "email"),
    # SSN
    ("SSN 123-45-6789 on file.", "123-45-6789", "ssn"),
    ("social security number is 123 45 6789", "123 45 6789", "ssn"),
    ("SS# 123456789", "123456789", "ssn"),
    ("Her SSN: 123-45-6789.", "123-45-6789", "ssn"),
    # medical record numbers
    ("MRN 12345678", "12345678", "medical_record_number"),
    ("MRN: A1234567", "A1234567", "medical_record_number"),
    ("medical record # 445-221-99", "445-221-99", "medical_record_number"),
    ("Med Rec No. 0098812.", "0098812", "medical_record_number"),
    ("MR#0098812", "0098812", "medical_record_number"),
    ("chart number 55123-A", "55123-A", "medical_record_number"),
    ("NHS number 943 476 5919", "943 476 5919", "medical_record_number"),
    # health plan
    ("Member ID: XYZ123456789", "XYZ123456789", "health_plan_number"),
    ("policy number 88-1234567", "88-1234567", "health_plan_number"),
    ("Medicare # 1EG4-TE5-MK73", "1EG4-TE5-MK73", "health_plan_number"),
    ("my member id on the card is W123456789", "W123456789", "health_plan_number"),
    ("subscriber ID U1234567801", "U1234567801", "health_plan_number"),
    ("Her MBI is 1EG4TE5MK73.", "1EG4TE5MK73", "health_plan_number"),
    # accounts
    ("account number 00123456789", "00123456789", "account_number"),
    ("Acct# 4455-6677", "4455-6677", "account_number"),
    ("card number 4111 1111 1111 1111", "4111 1111 1111 1111", "account_number"),
    ("billing account ACC-009812", "ACC-009812", "account_number"),
    # licences and certificates
    ("driver's license D1234567", "D1234567", "license_number"),
    ("DL: S530-4601-2345", "S530-4601-2345", "license_number"),
    ("certificate no. 2019-00451", "2019-00451", "license_number"),
    ("Dr. Lee (NPI 1234567893) referred me.", "1234567893", "license_number"),
    ("DEA # AB1234563", "AB1234563", "license_number"),
    ("passport number X12345678", "X12345678", "license_number"),
    # vehicles
    ("VIN 1HGCM82633A004352", "1HGCM82633A004352", "vehicle_id"),
    ("the car's VIN is 2T1BURHE0JC034513.", "2T1BURHE0JC034513", "vehicle_id"),
    ("license plate 7ABC123", "7ABC123", "vehicle_id"),
    ("plate number ABC-1234", "ABC-1234", "vehicle_id"),
    ("licence plate AB12 CDE", "AB12 CDE", "vehicle_id"),
    # devices
    ("pacemaker serial number PMK3390221", "PMK3390221", "device_id"),
    ("S/N: 123ABC456", "123ABC456", "device_id"),
    ("insulin pump serial # 11-2233-44", "11-2233-44", "device_id"),
    ("IMEI 356938035643809", "356938035643809", "device_id"),
    ("monitor MAC 00:1B:44:11:3A:B7", "00:1B:44:11:3A:B7", "device_id"),
    ("device ID 00A1B2C3D4", "00A1B2C3D4", "device_id"),
    # URLs
    (
        "See https://mychart.example.org/patient/8812.",
        "https://mychart.example.org/patient/8812",
        "url",
    ),
    ("My page: www.facebook.com/jane.doe.5", "www.facebook.com/jane.doe.5", "url"),
    ("Fundraiser at gofundme.com/f/help-jane", "gofundme.com/f/help-jane", "url"),
    ("follow me @jane_doe92 for updates", "@jane_doe92", "url"),
    ("my insta is jane.doe.runs", "jane.doe.runs", "url"),
    ("przybylski_x on tiktok posts my progress", "przybylski_x", "url"),
    # IP addresses
    ("Logged in from 192.168.1.24 yesterday.", "192.168.1.24", "ip_address"),
    ("Seen from IP 10.0.0.5.", "10.0.0.5", "ip_address"),
    ("IPv6 2001:db8:85a3::8a2e:370:7334 was used.", "2001:db8:85a3::8a2e:370:7334", "ip_address"),
    ("Host fe80::1ff:fe23:4567:890a responded.", "fe80::1ff:fe23:4567:890a", "ip_address"),
    # street addresses
    ("I live at 123 Main St.", "123 Main St", "street_address"),
    ("Send it to 4567 Oak Avenue, Apt 3B please.", "4567 Oak Avenue, Apt 3B", "street_address"),
    ("Lives at 12 N. Elm Street with her son.", "12 N. Elm Street", "street_address"),
    ("Mail to PO Box 1234 only.", "PO Box 1234", "street_address"),
    ("Flat at 221B Baker Street, London", "221B Baker Street", "street_address"),
    (
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
        "1600 Pennsylvania Ave NW, Washington",
        "street_address",
    ),
    ("we're at 350 Broadway, Suite 200", "350 Broadway, Suite 200", "street_address"),
    ("Wohnt in der Hauptstraße 5, Berlin.", "Hauptstraße 5", "street_address"),
    ("She lives on Maple Street near the school.", "Maple Street", "street_address"),
    ("I live in Austin, TX and walk daily.", "Austin", "street_address"),
    ("I live at 2847 Calle Ocho, Miami, FL 33135.", "2847 Calle Ocho, Miami", "street_address"),
    ("Mail to Flat 3, 12 Elm Road, Leeds LS6 2AB.", "Flat 3, 12 Elm Road, Leeds", "street_address"),
    (
        "Apt 4B, 123 Main St, Springfield, IL 62704",
        "Apt 4B, 123 Main St, Springfield",
        "street_address",
    ),
    ("123 main street, springfield", "123 main street", "street_address"),
    # ZIP codes
    ("123 Main St, Springfield, IL 62704", "62704", "zip_code"),
    ("Springfield IL 62704-1234", "62704-1234", "zip_code"),
    ("My zip code is 30301.", "30301", "zip_code"),
    ("ZIP: 10001", "10001", "zip_code"),
    ("Any endocrinologists near 94110?", "94110", "zip_code"),
    ("10 Downing Street, London SW1A 2AA", "SW1A 2AA", "zip_code"),
    ("Ottawa, ON K1A 0B1", "K1A 0B1", "zip_code"),
]


@pytest.mark.parametrize(("text", "value", "kind"), CASES)
def test_identifier_is_removed(text: str, value: str, kind: str) -> None:
    assert_removed(text, value, kind)


def test_every_type_has_several_formats() -> None:
    counts: dict[str, int] = {}
    for _, _, kind in CASES:
        counts[kind] = counts.get(kind, 0) + 1
    assert all(n >= 3 for n in counts.values()), counts
    assert set(counts) == set(ENTITY_TYPES) - {"name"}  # names: test_privacy_names.py


# Things with an identifier's shape that are clinical or harmless, and stay.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("BP 140/90 this morning.", "140/90"),
        ("pain 7/10 when walking", "7/10"),
        ("pain went from 8/10 to 4/10", "8/10 to 4/10"),
        ("take 1/2 tablet at night", "1/2"),
        ("diagnosed in 2019", "2019"),
        ("since 2019 on insulin", "2019"),
        ("My dad is 89 and has COPD.", "89"),
        ("a 72-year-old man", "72"),
        ("aged 45 with asthma", "45"),
        ("I'm 34 and pregnant", "34"),
        ("heart rate 95 bpm", "95"),
        ("glucose is 95.", "95"),
        ("temp 102 F since noon", "102"),
        ("platelets 250,000", "250,000"),
        ("10,000 steps a day", "10,000"),
        ("at 3:30 pm yesterday", "3:30 pm"),
        ("version 1.2.3 of the app", "1.2.3"),
        ("ICD-10 E11.9 on the form", "E11.9"),
        ("vitamin D 2000 IU daily", "2000 IU"),
        ("every 4-6 hours", "4-6 hours"),
        ("1000 mg twice a day", "1000 mg"),
        ("take 2 pills at bedtime and walk 3 miles along the park", "3 miles along the park"),
        ("LDL 130 mg/dL", "130 mg/dL"),
        ("A1C 7.2%", "7.2%"),
        ("I may 10 mg be too much", "may 10 mg"),
        ("A1C in 90 days", "90 days"),
        ("group B strep test", "group B strep"),
        ("hepatitis C. Mei's doctor says", "hepatitis C"),
        ("I use twitter a lot for news", "twitter"),
        ("we met @ the clinic", "@ the clinic"),
    ],
)
def test_shapes_that_are_not_identifiers(text: str, value: str) -> None:
    assert_kept(text, value)
