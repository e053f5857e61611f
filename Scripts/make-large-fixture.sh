#!/usr/bin/env bash
# Writes Fixtures/generated/large-20mb.html: a UTF-8 HTML page of exactly
# 20,971,520 bytes (20 MiB) -- a nav menu, then tens of thousands of <p>
# paragraphs of mixed English and Bulgarian sentences.
#
# Deterministic (fixed-seed Park-Miller generator, byte-based awk under
# LC_ALL=C), needs only bash, coreutils and awk (mawk or gawk), and runs in a
# few seconds. The output folder is git-ignored; the file is not committed.
#
# Usage: Scripts/make-large-fixture.sh      (from anywhere; prints the path)
set -euo pipefail

cd "$(dirname "$0")/.."
outdir=Fixtures/generated
out="$outdir/large-20mb.html"
target=20971520

mkdir -p "$outdir"

LC_ALL=C awk -v target="$target" '
function rnd() {                      # Park-Miller minimal standard LCG;
  seed = (seed * 16807) % 2147483647  # products stay below 2^53, so this is
  return seed                         # exact in every awk implementation
}
function emit(s) { printf "%s", s; written += length(s) }
BEGIN {
  seed = 20260101

  ne = 0
  E[++ne] = "The cluster brought together manufacturers, research institutes and regional authorities to discuss a shared agenda for the next programming period."
  E[++ne] = "Participants agreed that small and medium-sized enterprises need faster access to testing facilities and skilled technicians."
  E[++ne] = "A pilot project on energy monitoring reduced electricity consumption in three member plants by almost twelve percent."
  E[++ne] = "The working group on logistics presented a map of shared warehouses that members can book through a common online platform."
  E[++ne] = "Several speakers stressed that trust between companies grows slowly and depends on small, repeated successes."
  E[++ne] = "The university partners offered to open their laboratories to member companies on two afternoons each month."
  E[++ne] = "Exporters reported that joint trade missions lowered their costs &amp; helped them meet buyers they could not reach alone."
  E[++ne] = "A new training module on <em>digital twins</em> will be tested with twenty engineers from member firms this autumn."
  E[++ne] = "The board thanked the volunteers who organised the regional innovation fair despite a very tight budget."
  E[++ne] = "Members were invited to submit short case studies describing how cooperation inside the cluster changed their products."
  E[++ne] = "Municipal representatives explained the new rules for industrial zones and the support available for brownfield sites."
  E[++ne] = "The evening session focused on recycling of textiles, batteries and packaging materials across the whole value chain."
  E[++ne] = "Young researchers pitched eight ideas, and two of them were selected for mentoring by experienced entrepreneurs."
  E[++ne] = "The cluster manager summarised the survey results: members value networking most, followed by joint project applications."
  E[++ne] = "Interregional cooperation with partners in Romania, Greece and North Macedonia will continue under the new call."
  E[++ne] = "Detailed minutes of the meeting are available to members in the internal document library."

  nb = 0
  B[++nb] = "Клъстерът събра производители, научни институти и регионални власти, за да обсъдят обща програма за следващия програмен период."
  B[++nb] = "Участниците се съгласиха, че малките и средните предприятия се нуждаят от по-бърз достъп до изпитвателни лаборатории."
  B[++nb] = "Пилотен проект за енергиен мониторинг намали потреблението на електроенергия в три предприятия с почти дванадесет процента."
  B[++nb] = "Работната група по логистика представи карта на споделените складове, които членовете могат да резервират онлайн."
  B[++nb] = "Няколко лектори подчертаха, че доверието между фирмите се изгражда бавно и зависи от малки, повтарящи се успехи."
  B[++nb] = "Университетските партньори предложиха да отварят лабораториите си за членовете на клъстера два пъти месечно."
  B[++nb] = "Износителите споделиха, че съвместните търговски мисии намаляват разходите им и им помагат да достигнат до нови купувачи."
  B[++nb] = "Нов обучителен модул за <em>дигитални близнаци</em> ще бъде изпитан с двадесет инженери през есента."
  B[++nb] = "Управителният съвет благодари на доброволците, които организираха регионалното изложение за иновации."
  B[++nb] = "Членовете бяха поканени да опишат накратко как сътрудничеството в клъстера е променило техните продукти."
  B[++nb] = "Представители на общината обясниха новите правила за индустриалните зони и възможностите за подкрепа."
  B[++nb] = "Вечерната сесия беше посветена на рециклирането на текстил, батерии и опаковки по цялата верига на стойността."
  B[++nb] = "Млади изследователи представиха осем идеи, две от които бяха избрани за менторство от опитни предприемачи."
  B[++nb] = "Мениджърът на клъстера обобщи резултатите от анкетата: членовете ценят най-много срещите и съвместните проекти."
  B[++nb] = "Междурегионалното сътрудничество с партньори от Румъния, Гърция и Северна Македония ще продължи и през следващата година."
  B[++nb] = "Подробен протокол от срещата е достъпен за членовете във вътрешната библиотека с документи."

  header = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" \
    "<title>Cluster Annual Report Archive (large test page)</title>\n" \
    "<meta property=\"og:title\" content=\"Cluster Annual Report Archive\">\n" \
    "<meta property=\"og:site_name\" content=\"Regional Cluster Network\">\n" \
    "</head>\n<body>\n" \
    "<header class=\"site-header\"><nav class=\"main-navigation\" aria-label=\"Main\"><ul class=\"menu\">\n" \
    "<li><a href=\"/\">Home</a></li>\n<li><a href=\"/about/\">About us</a></li>\n" \
    "<li><a href=\"/members/\">Members</a></li>\n<li><a href=\"/projects/\">Projects</a></li>\n" \
    "<li><a href=\"/news/\">News</a></li>\n<li><a href=\"/bg/\">Български</a></li>\n" \
    "<li><a href=\"/contact/\">Contact</a></li>\n</ul></nav></header>\n" \
    "<main id=\"main\"><article class=\"report\">\n" \
    "<h1>Cluster Annual Report Archive</h1>\n"
  footer = "</article></main>\n<footer class=\"site-footer\"><p>&copy; Regional Cluster Network</p></footer>\n</body>\n</html>\n"

  written = 0
  emit(header)
  np = 0
  while (1) {
    if (np % 200 == 0)
      para = sprintf("<h2>Section %d</h2>\n", np / 200 + 1)
    else
      para = ""
    bg = (rnd() % 3 == 0)
    k = 3 + rnd() % 5
    para = para "<p>"
    for (i = 0; i < k; i++) {
      if (bg) s = B[1 + rnd() % nb]; else s = E[1 + rnd() % ne]
      para = para (i ? " " : "") s
    }
    para = para "</p>\n"
    # keep room for the footer and a minimal padding comment (8 bytes)
    if (written + length(para) + length(footer) + 8 > target) break
    emit(para)
    np++
  }
  # pad with one HTML comment so the file is exactly target bytes
  pad = target - written - length(footer) - 8
  fill = ""
  for (i = 0; i < pad; i++) fill = fill " "
  emit("<!--" fill "-->\n")
  emit(footer)
  if (written != target) { print "size mismatch: " written > "/dev/stderr"; exit 1 }
}' > "$out.partial"

mv "$out.partial" "$out"
echo "$out"
