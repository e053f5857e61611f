/// A quick guess at which of the four languages a text is in, from letters only one of them uses, for
/// when the language stage has not run: inflected forms and base forms are language-specific.
///
/// It is not a language detector: it only tells Polish from English among Latin texts and Ukrainian
/// from Bulgarian among Cyrillic ones, which is all the recognisers need.
enum LanguageGuess {
    static func guess(_ scalars: [Unicode.Scalar]) -> String {
        var latin = 0, cyrillic = 0, polish = 0, ukrainian = 0, bulgarian = 0
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { latin += 1 }
                continue
            }
            switch value {
            case 0x0400...0x04FF:
                cyrillic += 1
                switch scalar {
                case "і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ": ukrainian += 1
                case "ъ", "Ъ": bulgarian += 1
                default: break
                }
            case 0x0104, 0x0105, 0x0106, 0x0107, 0x0118, 0x0119, 0x0141, 0x0142, 0x0143, 0x0144, 0x015A, 0x015B, 0x0179, 0x017A,
                0x017B, 0x017C, 0x00D3, 0x00F3:
                latin += 1
                polish += 1
            default:
                break
            }
        }
        if cyrillic > latin { return ukrainian >= bulgarian ? "uk" : "bg" }
        return polish * 200 > latin ? "pl" : "en"
    }
}
