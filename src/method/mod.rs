//! The Method page: every equation the app uses, its constants and where they come from, in
//! text a reader can follow and check. Anchors let controls link to the part they depend on.

mod models;
mod talent;
mod yours;

use headstart_core::article;
use headstart_core::estimate::{CodeSize, Mode, Preset};
use headstart_core::format::{money, person_years};
use headstart_core::input::group;
use leptos::prelude::*;

#[component]
pub fn MethodPage() -> impl IntoView {
    view! {
        <article class="method prose">
            <h1>"Method"</h1>
            <p class="lede">
                "How Headstart turns lines of code into person-years and dollars, with every constant and its source. "
                "All of it runs in your browser; every constant can be changed on the pages that use it."
            </p>
            <nav aria-label="On this page" class="toc">
                <a href="#basic-cocomo">"Basic COCOMO"</a>
                <a href="#models">"COCOMO II"</a>
                <a href="#presets">"Presets"</a>
                <a href="#counting">"Counting lines"</a>
                <a href="#aggregation">"Adding projects up"</a>
                <a href="#reuse">"Adopting"</a>
                <a href="#dollars">"Dollars"</a>
                <a href="#uncertainty">"Uncertainty"</a>
                <a href="#talent-model">"Pool or spread"</a>
                <a href="#talent-uncertainty">"Its uncertainty"</a>
                <a href="#your-code">"Counting your code"</a>
                <a href="#caveats">"Caveats"</a>
            </nav>
            <BasicCocomoSection />
            <models::Cocomo2Section />
            <PresetsSection />
            <CountingSection />
            <AggregationSection />
            <models::ReuseSection />
            <models::DollarsSection />
            <models::UncertaintySection />
            <talent::TalentModelSection />
            <talent::TalentUncertaintySection />
            <yours::YourCodeSection />
            <CaveatsSection />
        </article>
    }
}

#[component]
fn BasicCocomoSection() -> impl IntoView {
    view! {
        <section id="basic-cocomo">
            <h2>"Basic COCOMO"</h2>
            <p>
                "Barry Boehm's Constructive Cost Model (" <cite>"Software Engineering Economics"</cite>
                ", 1981) estimates effort from size alone. Open Hub, SLOCCount and scc all use its basic form:"
            </p>
            <pre class="equation">
                "effort (person-months)  PM = a × KSLOC^b × EAF\n"
                "schedule (months)       TDEV = c × PM^d\n"
                "average staff           people = PM / TDEV\n"
                "cost (USD)              cost = PM / 12 × salary × overhead"
            </pre>
            <p>
                "KSLOC is thousands of source lines of code, without comments or blank lines. EAF, the effort adjustment "
                "factor, is 1 unless you change it. Because b is above 1, effort grows faster than size: twice the code "
                "takes more than twice the work."
            </p>
            <table class="constants">
                <caption>"Boehm's constants for the three development modes"</caption>
                <thead>
                    <tr><th scope="col">"Mode"</th><th scope="col">"a"</th><th scope="col">"b"</th><th scope="col">"c"</th><th scope="col">"d"</th></tr>
                </thead>
                <tbody>
                    {Mode::ALL
                        .map(|mode| {
                            let k = mode.constants();
                            view! {
                                <tr>
                                    <th scope="row">{mode.label()}</th>
                                    <td>{k.a}</td><td>{k.b}</td><td>{k.c}</td><td>{k.d}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p>
                "Organic projects are small teams on familiar problems; embedded ones work under tight hardware or "
                "regulatory constraints; semi-detached sit between. The tools the article relied on use organic."
            </p>
        </section>
    }
}

#[component]
fn PresetsSection() -> impl IntoView {
    let row = |preset: Preset, method: &'static str, source: String| {
        let settings = preset.settings();
        view! {
            <tr>
                <th scope="row">{preset.label()}</th>
                <td>{method}</td>
                <td>{format!("{} ({} dollars)", group(settings.salary), preset.salary_year())}</td>
                <td>{group(settings.overhead)}</td>
                <td>{source}</td>
            </tr>
        }
    };
    view! {
        <section id="presets">
            <h2>"Presets"</h2>
            <p>"Each preset reproduces one tool's arithmetic, so you can check the figures against the tool you trust."</p>
            <table class="constants">
                <thead>
                    <tr>
                        <th scope="col">"Preset"</th><th scope="col">"Method"</th><th scope="col">"Salary (USD per person-year)"</th>
                        <th scope="col">"Overhead"</th><th scope="col">"Source"</th>
                    </tr>
                </thead>
                <tbody>
                    {row(Preset::OpenHub, "organic COCOMO on logic, markup and build lines separately, summed", "ohloh-ui, app/models/analysis.rb".into())}
                    {row(Preset::Sloccount, "organic COCOMO on all lines", "David A. Wheeler, SLOCCount documentation (salary: ComputerWorld survey, 2000)".into())}
                    {row(Preset::Scc, "organic COCOMO on all lines (or the mode chosen)", "boyter/scc, processor/cocomo.go (--avg-wage, --overhead, --eaf)".into())}
                    {row(Preset::Article2017, "Open Hub's method", format!("the article's {} ÷ {} person-years", article::quoted_cost(), article::quoted_person_years()))}
                </tbody>
            </table>
            <p>{implied_salary_sentence()}</p>
        </section>
    }
}

/// How the article's salary compares with Open Hub's, and what its effort costs at Open Hub's.
fn implied_salary_sentence() -> String {
    let article_salary = Preset::Article2017.settings().salary;
    let open_hub = Preset::OpenHub.settings();
    format!(
        "The article's salary is implied, not stated: its {} for {} person-years is about {} USD a person-year, \
         {:.1} times Open Hub's default. At Open Hub's {} USD the same effort costs about {}.",
        article::quoted_cost(),
        article::quoted_person_years(),
        group(article_salary),
        article_salary / open_hub.salary,
        group(open_hub.salary),
        money(open_hub.cost_of(article::PERSON_YEARS * 12.0)),
    )
}

#[component]
fn CountingSection() -> impl IntoView {
    view! {
        <section id="counting">
            <h2>"Counting lines"</h2>
            <p>
                "Every framework was checked out at its last commit before 12 April 2017 (the article's date) and at its "
                "latest measured commit, and counted with three tools. They disagree by about 15% either way, because they "
                "classify files differently:"
            </p>
            <ul>
                <li><strong>"ohcount"</strong>" is the counter Open Hub runs. It counts Python docstrings as comments and skips formats it has no parser for (Markdown, JSON, YAML, notebooks)."</li>
                <li><strong>"tokei"</strong>" counts docstrings as code and includes code embedded in Markdown."</li>
                <li><strong>"cloc"</strong>" counts docstrings as comments but counts plain-text data files as code, which inflates some trees."</li>
            </ul>
            <p>
                "Open Hub splits lines into logic (programming languages), markup (HTML, CSS, Markdown and the like) and build "
                "files (make, CMake, Bazel…) and estimates each part as its own project. For ohcount and tokei the split is "
                "measured; for cloc it is derived from its per-language counts."
            </p>
        </section>
    }
}

#[component]
fn AggregationSection() -> impl IntoView {
    let pooled = Preset::OpenHub.settings().estimate(&CodeSize::undivided(article::LINES as u64));
    view! {
        <section id="aggregation">
            <h2>"Adding projects up"</h2>
            <p>
                "The article, like Open Hub, estimated each framework on its own and added the results. Because effort grows "
                "faster than size, that sum is smaller than the effort for the same lines as one codebase: "
                {format!(
                    "{} lines as a single project would be about {} person-years rather than {}. ",
                    article::quoted_lines(),
                    person_years(pooled.person_years),
                    article::quoted_person_years(),
                )}
                "The ledger shows both figures for your selection. With an exponent below 1 the order flips."
            </p>
        </section>
    }
}

#[component]
fn CaveatsSection() -> impl IntoView {
    view! {
        <section id="caveats">
            <h2>"Caveats"</h2>
            <p>
                "COCOMO was calibrated on institutional projects of the 1970s to 1990s. Open Hub itself warns that it fits "
                "distributed open-source work poorly and overvalues young projects. It measures what rewriting the code would "
                "cost today, not what was spent: deleted and rewritten code is not counted. Treat the figures as an order of "
                "magnitude, which is also how the article used them."
            </p>
            <p>"The claim examined: " <a href=article::URL>{article::TITLE}</a> ", " {article::AUTHOR} ", " {article::DATE} "."</p>
        </section>
    }
}
