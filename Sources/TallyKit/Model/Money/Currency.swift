/// An ISO 4217 currency and the number of decimals ("minor units") its amounts carry.
package struct Currency: Sendable, Hashable {
    /// The three-letter code, e.g. `USD`.
    package let code: String
    /// Decimals of the minor unit: 2 for USD, 0 for JPY, 3 for BHD.
    package let minorUnits: Int

    /// The currency with this ISO 4217 code, or `nil` when the table does not know it.
    package init?(code: String) {
        guard let minor = Self.minorUnitsByCode[code] else { return nil }
        self.code = code
        self.minorUnits = minor
    }

    /// Every code the table knows, sorted.
    package static var knownCodes: [String] { minorUnitsByCode.keys.sorted() }

    /// An amount rounded to this currency's minor units.
    package func round(_ amount: ExactDecimal, _ mode: RoundingMode) -> ExactDecimal {
        amount.rounded(toPlaces: minorUnits, mode: mode)
    }

    /// A rounded amount written with exactly the minor digits: `41.50`, `1000` (JPY), `1.235` (BHD).
    package func format(_ amount: ExactDecimal) -> String {
        amount.formatted(places: minorUnits)
    }

    /// ISO 4217 minor units of the active currencies tally supports.
    static let minorUnitsByCode: [String: Int] = [
        // Three decimals.
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        // No decimals.
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0,
        "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        // Four decimals (units of account).
        "CLF": 4, "UYW": 4,
        // Two decimals.
        "AED": 2, "ARS": 2, "AUD": 2, "BDT": 2, "BGN": 2, "BRL": 2, "CAD": 2, "CHF": 2,
        "CNY": 2, "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2, "GEL": 2,
        "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "KES": 2, "KZT": 2, "MAD": 2,
        "MXN": 2, "MYR": 2, "NGN": 2, "NOK": 2, "NZD": 2, "PEN": 2, "PHP": 2, "PKR": 2,
        "PLN": 2, "QAR": 2, "RON": 2, "RSD": 2, "RUB": 2, "SAR": 2, "SEK": 2, "SGD": 2,
        "THB": 2, "TRY": 2, "TWD": 2, "UAH": 2, "USD": 2, "UYU": 2, "ZAR": 2,
    ]
}
