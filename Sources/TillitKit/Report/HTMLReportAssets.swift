/// The fixed parts of the HTML report: its style sheet, its script (views, sorting,
/// filtering, paging), the definitions view and the legend of the highlighting.
enum HTMLReportAssets {
    static let k = SVGChart.kColor, t = SVGChart.tColor, b = SVGChart.bColor, n = SVGChart.nColor

    static let css = """
    :root{--k:\(k);--t:\(t);--b:\(b);--n:\(n)}
    *{box-sizing:border-box}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;line-height:1.45;background:#f6f7f9}
    header.top{background:#24313f;color:#fff;padding:.7em 1.5em;display:flex;flex-wrap:wrap;align-items:baseline;gap:1.5em}
    header.top h1{font-size:1.3em;margin:0;font-weight:600}
    #tabs a{color:#cfe0f0;text-decoration:none;margin-right:1.2em;padding-bottom:.2em}
    #tabs a.active{color:#fff;border-bottom:2px solid #fff}
    main,footer{max-width:1240px;margin:0 auto;padding:0 1.5em}
    h2{font-size:1.15em;margin:1.4em 0 .5em}h3{font-size:1em;margin:1em 0 .4em}
    a{color:#1a5d99}
    .js .view{display:none}.js .view.active{display:block}
    html:not(.js) tr.later{display:none}
    .panel{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin-top:1em}
    @media (max-width:960px){.panel{grid-template-columns:1fr}}
    table.comparison td:first-child{white-space:nowrap}
    .card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.6em 1em}
    .card h2{margin:.2em 0 .5em;font-size:1.05em}
    .card.wide{margin:1em 0}
    .legend{font-size:.92em}
    table{border-collapse:collapse;margin:.4em 0}
    td,th{padding:.22em .55em;border-bottom:1px solid #e7e9ec;text-align:left;vertical-align:middle}
    th{background:#f0f2f5;font-weight:600}
    .num{text-align:right;font-variant-numeric:tabular-nums}
    tr.total td{font-weight:600;border-top:1px solid #bbb}
    .keyfig th{background:none;font-weight:normal;color:#555}
    .small{font-size:.82em;color:#555}
    .lab{display:inline-block;min-width:1.45em;text-align:center;border-radius:3px;color:#fff;font-weight:bold;font-size:.9em}
    .lab-K{background:var(--k)}.lab-T{background:var(--t)}.lab-B{background:var(--b)}.lab-N{background:var(--n)}
    .swatch{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em}.swatch.k{background:var(--k)}.swatch.t{background:var(--t)}
    svg.chart{vertical-align:middle;overflow:visible}svg text{fill:#333}
    .chart .k{fill:var(--k)}.chart .t{fill:var(--t)}.chart .b{fill:var(--b)}.chart .n{fill:var(--n)}.chart .z{fill:#e6e6e6}
    .chart .axis{stroke:#444}.chart .mid{stroke:#fff}.chart .base{stroke:#bbb}
    .controls{display:flex;flex-wrap:wrap;gap:1em;align-items:center;margin:.5em 0}
    .controls input,.controls select{font:inherit;padding:.15em .3em}
    table.docs{width:100%;background:#fff;font-size:.9em}
    table.docs th[data-key]{cursor:pointer;user-select:none;white-space:nowrap}
    table.docs th[aria-sort=ascending]::after{content:" ▲";font-size:.75em}
    table.docs th[aria-sort=descending]::after{content:" ▼";font-size:.75em}
    table.docs td.id{max-width:26em;overflow-wrap:anywhere}
    table.docs tbody tr:hover{background:#f3f7fb}
    .pager{display:flex;gap:1em;align-items:center;margin:.5em 0 2em}
    .pager button{font:inherit;padding:.2em .8em}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:1em;margin:1em 0 2em}
    .card.group h3{margin:.2em 0;font-size:1.05em}.nw{white-space:nowrap}
    table.compact td{padding:.05em .3em;border:0;font-size:.85em}
    table.groups{background:#fff;font-size:.9em}
    .trend{display:flex;flex-wrap:wrap;gap:1em}.trend>div{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.4em 1em}
    .docnav{display:flex;gap:1.2em;margin:1em 0 0;font-size:.95em}.docnav .off{color:#aaa}
    .docid{overflow-wrap:anywhere}
    dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.3em 0}dl.meta dt{color:#555}dl.meta dd{margin:0}
    .twocol{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1.5em}
    mark.k{background:#f6d5d1;border-bottom:2px solid var(--k)}mark.t{background:#d4e6f6;border-bottom:2px solid var(--t)}
    mark.flip{text-decoration:line-through}
    .rep{text-decoration:underline dotted #e67e22;text-underline-offset:3px}
    .passages{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.3em 1em;margin-bottom:2em}
    .passage{margin:.45em 0;padding:.3em .6em;border-left:4px solid #ddd}.passage.heading{font-weight:bold}
    .passage.pl-K{border-left-color:var(--k)}.passage.pl-T{border-left-color:var(--t)}.passage.pl-B{border-left-color:var(--b)}
    .pmeta{font-size:.78em;color:#666;font-weight:normal;margin-right:.4em}
    .marklegend span{margin-right:1.2em}
    dl.defs dt{font-weight:600;margin-top:.6em}dl.defs dd{margin-left:1.5em}
    footer{border-top:1px solid #ccc;margin-top:2em;padding-bottom:2em;font-size:.88em;color:#444}
    dl.methods{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.methods dt{font-weight:600}dl.methods dd{margin:0}
    .note{background:#fff8d6;padding:.5em 1em;margin:0}
    @media print{.js .view{display:block}.controls,.pager,#tabs{display:none}}
    """

    static let markLegend = """
    <p class="marklegend small"><span><mark class="k">K hit</mark></span><span><mark class="t">T hit</mark></span><span><mark class="k flip">flipped by negation or reduction</mark></span><span><span class="rep">repaired OCR word</span> (hover: original)</span><span>hover a hit for its evidence</span></p>
    """

    static let definitions = """
    <section id="view-definitions" class="view"><h2>Definitions</h2><dl class="defs">
    <dt>\(HTMLReport.badge(.K)) K: kontrollbaserad styrning (control-based governance)</dt><dd>The passage's governance language is that of the control column of the comparison table: steering set centrally, narrow responsibility, control and formal rules, follow-up by measurement.</dd>
    <dt>\(HTMLReport.badge(.T)) T: tillitsbaserad styrning (trust-based governance)</dt><dd>The language of the trust column or of the seven principles: steering worked out with the activity, broad shared responsibility, learning, follow-up close to the activity.</dd>
    <dt>\(HTMLReport.badge(.B)) B: both (blandad)</dt><dd>A substantial amount of both, neither clearly dominating.</dd>
    <dt>\(HTMLReport.badge(.N)) N: neither</dt><dd>Nothing about a way of steering: dates, names, procedure, budgets, topics without a steering mode.</dd>
    <dt>Passage</dt><dd>A paragraph, heading or list item. Every passage is labelled by the label model from its evidence.</dd>
    <dt>Document label</dt><dd>The most common label among the document's governance passages (K, T, B); a tie between K and T, or between B and a pole, is B; a document without a governance passage is N.</dd>
    <dt>p (probability)</dt><dd>For a passage: the label model's probability of the label it chose. For a document of several passages: the share of its governance passages that carry the document's label (for N: the share of N passages).</dd>
    <dt>K, T (weight)</dt><dd>The summed weight of the lexicon hits counting for each pole. A hit's weight is its entry's weight (core terms weigh more); repeats of an entry in a passage add less and less; headings count half; a hit that only names the topic a quarter. Negated or reduced language counts for the other pole (struck through in the text).</dd>
    <dt>hits</dt><dd>Lexicon matches counting for K or for T.</dd>
    <dt>net</dt><dd>(T − K) / (T + K + 1), between −1 (all K) and +1 (all T); shrunk toward 0 when there is little evidence; 0 without evidence.</dd>
    <dt>logit</dt><dd>log((T + 0.5) / (K + 0.5)), the convention of quanteda's sent_logit; 0 without evidence; +0.69 is T twice K.</dd>
    <dt>per 1,000 words</dt><dd>Weight × 1,000 / words, to compare documents or groups of different length.</dd>
    <dt>Rows 1–6</dt><dd>The rows of the comparison table (Tillitsdelegationen, SOU 2018:47): 1 utformning (how steering is designed), 2 ansvar (responsibility), 3 fokus, 4 instrument, 5 uppföljning (follow-up), 6 medel (means to the goals). A hit may count for several rows; the all-rows total counts it once.</dd>
    <dt>Principles</dt><dd>The seven principles of trust-based governance, all on the T side: tillit, medborgarfokus, helhetssyn, handlingsutrymme, stöd, kunskap, öppenhet.</dd>
    <dt>OCR repairs</dt><dd>Words tillit restored before scoring in documents that look OCR-damaged (lost å/ä/ö, stand-ins such as f6r); shown underlined, with the original on hover.</dd>
    <dt>Mini charts</dt><dd>K ◀▶ T: the K (red) and T (blue) shares of a document's weight. Rows 1–6: T upward, K downward, scaled to the document's largest row. Passages: the document's passages by label.</dd>
    </dl></section>

    """

    /// Views by fragment, sorting by column (numbers first-click descending), filtering by
    /// text, label and group, paging. Writes into <body> the milliseconds from the start of
    /// navigation to the end of set-up (`data-ready-ms`) and to after the first frame
    /// (`data-painted-ms`), which `Examples/report/screenshot.sh` reads.
    static let script = #"""
    (function(){"use strict";
    var d=document,root=d.documentElement;root.classList.add("js");
    var tbody=d.querySelector("#docs tbody"),all=Array.prototype.slice.call(tbody.rows),shown=all;
    var st={key:"i",dir:1,num:true,q:"",label:"",group:"",page:0,size:50};
    var coll=window.Intl?new Intl.Collator("sv",{numeric:true,sensitivity:"base"}):null;
    function $(id){return d.getElementById(id)}
    function nv(tr,k){return parseFloat(tr.getAttribute("data-"+k))}
    function sv(tr,k){return tr.getAttribute("data-"+k)||""}
    function refresh(){
      var terms=st.q.toLowerCase().split(/\s+/).filter(Boolean);
      shown=all.filter(function(tr){
        if(st.label&&sv(tr,"label")!==st.label)return false;
        if(st.group!==""&&sv(tr,"g")!==st.group)return false;
        var s=sv(tr,"q");for(var i=0;i<terms.length;i++)if(s.indexOf(terms[i])<0)return false;return true});
      var k=st.key,dir=st.dir,cmp;
      if(st.num)cmp=function(a,b){return (nv(a,k)-nv(b,k))*dir||nv(a,"i")-nv(b,"i")};
      else cmp=function(a,b){var x=sv(a,k),y=sv(b,k);return (coll?coll.compare(x,y):(x<y?-1:x>y?1:0))*dir||nv(a,"i")-nv(b,"i")};
      shown.sort(cmp);draw()}
    function draw(){
      var n=shown.length,size=st.size||n||1,pages=Math.max(1,Math.ceil(n/size));
      if(st.page>=pages)st.page=pages-1;if(st.page<0)st.page=0;
      var from=st.page*size,page=shown.slice(from,from+size),f=d.createDocumentFragment();
      page.forEach(function(tr){f.appendChild(tr)});tbody.textContent="";tbody.appendChild(f);
      $("count").textContent=n?"showing "+(from+1)+"–"+(from+page.length)+" of "+n+(n<all.length?" (filtered from "+all.length+")":""):"no document matches";
      $("pageno").textContent="page "+(st.page+1)+" of "+pages;
      $("prev").disabled=st.page===0;$("next").disabled=st.page>=pages-1;
      Array.prototype.forEach.call(d.querySelectorAll("#docs th[data-key]"),function(th){
        if(th.getAttribute("data-key")===st.key)th.setAttribute("aria-sort",st.dir>0?"ascending":"descending");else th.removeAttribute("aria-sort")})}
    d.querySelector("#docs thead").addEventListener("click",function(e){
      var th=e.target.closest("th[data-key]");if(!th)return;var k=th.getAttribute("data-key"),num=th.hasAttribute("data-num");
      if(st.key===k)st.dir=-st.dir;else{st.key=k;st.num=num;st.dir=num&&k!=="i"&&k!=="lo"?-1:1}
      st.page=0;refresh()});
    $("q").addEventListener("input",function(){st.q=this.value;st.page=0;refresh()});
    $("flabel").addEventListener("change",function(){st.label=this.value;st.page=0;refresh()});
    if($("fgroup"))$("fgroup").addEventListener("change",function(){st.group=this.value;st.page=0;refresh()});
    $("psize").addEventListener("change",function(){st.size=parseInt(this.value,10)||0;st.page=0;draw()});
    $("prev").addEventListener("click",function(){st.page--;draw()});
    $("next").addEventListener("click",function(){st.page++;draw()});
    d.addEventListener("click",function(e){var a=e.target.closest("[data-group]");if(!a||!$("fgroup"))return;
      st.group=a.getAttribute("data-group");$("fgroup").value=st.group;st.page=0;refresh()});
    var views=Array.prototype.slice.call(d.querySelectorAll(".view")),current="",saved={};
    function show(v){if(current)saved[current]=window.scrollY;
      views.forEach(function(x){x.classList.toggle("active",x.id==="view-"+v)});
      Array.prototype.forEach.call(d.querySelectorAll("#tabs a[data-view]"),function(a){a.classList.toggle("active",a.getAttribute("data-view")===v)});
      current=v;window.scrollTo(0,v==="document"?0:saved[v]||0)}
    function route(){
      var h=decodeURIComponent(location.hash.slice(1)),m=/^doc-(\d+)$/.exec(h);
      if(m&&$("src-"+m[1])){if(current==="document")saved.document=0;$("view-document").innerHTML=$("src-"+m[1]).textContent;show("document");return}
      if(h&&$("view-"+h)){show(h);return}
      if(!current)show("overview")}
    window.addEventListener("hashchange",route);
    st.size=parseInt($("psize").value,10)||0;draw();route();
    d.body.setAttribute("data-ready-ms",String(Math.round(performance.now())));
    requestAnimationFrame(function(){setTimeout(function(){d.body.setAttribute("data-painted-ms",String(Math.round(performance.now())))},0)});
    })();
    """#
}
