/// The fixed word lists the sample generator draws names, titles, tags and errors from.
enum SampleVocabulary {
    static let modelNames = [
        "openai/gpt-4o-mini", "anthropic/claude-3-haiku", "google/gemini-2.0-flash-exp", "meta-llama/llama-2-70b-chat",
    ]
    static let modelWeights = [45, 25, 20, 10]
    static let numPages = [1, 3, 5, 10, 20]
    static let numTags = [3, 5, 8, 10]

    static let firstNames = [
        "Dana", "Erik", "Fatima", "Gustav", "Hana", "Ivan", "Jürgen", "Kenji", "Léa", "Maël",
        "Nuno", "Olga", "Priya", "Quentin", "Rosalía", "Søren", "Tomás", "Ulla", "Wojciech", "Yara",
    ]
    static let lastNames = [
        "Andersen", "Björk", "Castro", "Dubois", "Eriksson", "Fernández", "García", "Høeg", "Ivanova",
        "Jansen", "Kowalski", "Łukasiewicz", "Müller", "Nakamura", "O'Brien", "Peña", "Quist", "Rossi",
    ]

    static let titleKinds = [
        "Invoice", "Annual Report", "Contract", "Purchase Order", "Bank Statement", "Research Paper",
        "Meeting Minutes", "Datasheet", "Lease Agreement", "Tax Return", "Résumé", "Whitepaper",
    ]
    static let titleSubjects = [
        "Acme Corp", "Globex", "Initech", "Müller GmbH", "Umbrella Ltd", "Stark Industries",
        "Q1", "Q2", "Q3", "Q4", "Project Apollo", "Café Nerø",
    ]

    static let tags = [
        "finance", "legal", "invoice", "contract", "research", "hr", "tax", "report", "scanned",
        "confidential", "draft", "signed", "english", "german", "french", "table-heavy", "images",
        "receipt", "summary", "archive",
    ]

    static let sourceTypes = ["upload", "url", "s3"]
    static let sourceWeights = [55, 30, 15]
}

extension SampleRandom {
    /// An error message of the upstream service's usual kinds, with varying details.
    ///
    /// The messages normalise into a handful of clusters (numbers, hex ids and
    /// URLs replaced); one kind carries HTML, one a quote, one a newline.
    mutating func errorMessage(model: String) -> String {
        switch weighted([22, 18, 14, 8, 9, 8, 7, 6, 4, 2, 2]) {
        case 0: return "Timeout after \(pick([30, 60, 120]))s processing https://x.example/a/\(int(1...99_999)).pdf"
        case 1: return "LLM rate limit exceeded (429) for request \(hex(12))"
        case 2: return "OCR failed on page \(int(1...60))"
        case 3: return "File too large: \(pick([52_428_800, 73_400_320, 104_857_600, int(52_428_801...209_715_200)])) bytes"
        case 4: return "Invalid PDF structure: xref table not found at offset \(int(1_000...9_999_999))"
        case 5: return "Connection reset by peer while downloading s3://acme-docs/inbox/\(int(1...99_999)).pdf"
        case 6:
            let column = int(1...400)
            return "Model \(model) returned malformed JSON: Expecting ',' delimiter: line 1 column \(column) (char \(column - 1))"
        case 7: return "Échec de l'extraction : page \(int(1...40)) illisible (\"\(pick(["scan flou", "encre pâle"]))\")"
        case 8: return "Unsupported content <script>alert(1)</script> in file upload_\(int(1...9_999)).pdf"
        case 9: return "Worker crashed\nTraceback (most recent call last):\n  File \"worker.py\", line \(int(10...500)), in run"
        default: return "Unknown error"
        }
    }

    /// `count` random lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(digits[below(16)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
