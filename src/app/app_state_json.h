// The app's state as the browser tests read it through window.bhabinTest.state(): what the user sees, in
// stable codes, never the texts of one language.
#pragma once

#include <string>

#include "ui/app_ui.h"

namespace bhabin::app {

// {"tab","language","rosterState","editingText" (a text field has the keyboard),"position":{lat,lon}|null,"village","responsibleNrp","responsibleStatus",
//  "nearestNrps":[…],"sync":{"phase","waiting","saving","problem"},"refusedFields":[…],"tracked":[{code,hasSecret}],"shownTrackingCode",
//  "trackedStatus","trackedOfficerNrp","trackedTimeline":[status…],"session":{nrp,role}|null,"onDuty","visitsLogged","visitRefusedFields":[…],
//  "worklist":[{code,status}],"openedReport":{code,status,allowedMoves}|null,
//  "areaRoster":{officers,uncovered:[code…],holders:{code:nrp|null},lastWrite}|null,"export":{downloading,fileName,rows,refusal}}
std::string appStateJson(const ui::AppUi& app);

}  // namespace bhabin::app
