/// Makes a complete sample of a `Decodable` type from the type alone: every optional
/// present, every list one element long, every `Bool` true and every string its own
/// key path (`headline.0.label`), so that two keys never hold the same text.
///
/// Only strings, booleans, lists, optionals and nested `Decodable` values are
/// supported, which is all a `TemplateModel` holds; anything else throws.
struct SampleDecoder: Decoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A sample of `T`.
    static func sample<T: Decodable>(of type: T.Type) throws -> T {
        try T(from: SampleDecoder(codingPath: []))
    }

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed(codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(codingPath: codingPath) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(codingPath: codingPath) }

    /// The sample value of `type` at `path`.
    static func value<T: Decodable>(_ type: T.Type, at path: [any CodingKey]) throws -> T {
        if T.self == String.self { return path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") as! T }
        if T.self == Bool.self { return true as! T }
        if T.self is any Numeric.Type {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: path, debugDescription: "a view model holds no numbers"))
        }
        return try T(from: SampleDecoder(codingPath: path))
    }

    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let codingPath: [any CodingKey]
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try SampleDecoder.value(type, at: codingPath + [key])
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            KeyedDecodingContainer(Keyed<NestedKey>(codingPath: codingPath + [key]))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            Unkeyed(codingPath: codingPath + [key])
        }
        func superDecoder() throws -> any Decoder { SampleDecoder(codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { SampleDecoder(codingPath: codingPath + [key]) }
    }

    /// A list of exactly one element.
    struct Unkeyed: UnkeyedDecodingContainer {
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex >= 1 }
        init(codingPath: [any CodingKey]) { self.codingPath = codingPath }
        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            defer { currentIndex += 1 }
            return try SampleDecoder.value(type, at: codingPath + [Index(currentIndex)])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            defer { currentIndex += 1 }
            return KeyedDecodingContainer(Keyed<NestedKey>(codingPath: codingPath + [Index(currentIndex)]))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            defer { currentIndex += 1 }
            return Unkeyed(codingPath: codingPath + [Index(currentIndex)])
        }
        mutating func superDecoder() throws -> any Decoder { SampleDecoder(codingPath: codingPath) }
    }

    struct Single: SingleValueDecodingContainer {
        let codingPath: [any CodingKey]
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try SampleDecoder.value(type, at: codingPath) }
    }
}
